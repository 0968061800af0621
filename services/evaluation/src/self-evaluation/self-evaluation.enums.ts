import {
  ACCEPTANCE_BASES,
  ACCEPTANCE_BASIS_LABELS,
  QUALITATIVE_LEVEL_LABELS,
  QUALITATIVE_LEVELS,
  SELF_EVALUATION_DECISION_LABELS,
  SELF_EVALUATION_DECISIONS,
  SELF_EVALUATION_OBJECT_LABELS,
  SELF_EVALUATION_OBJECTS,
  SELF_EVALUATION_PART_LABELS,
  SELF_EVALUATION_PARTS,
  SELF_EVALUATION_STATUS_LABELS,
  SELF_EVALUATION_STATUSES,
} from '@jixiao/events';
import { registerCatalogEnum, type CatalogEnumValue } from '@jixiao/service-kit';

export const SelfEvaluationObject = registerCatalogEnum(SELF_EVALUATION_OBJECTS, {
  name: 'SelfEvaluationObject',
  description: { zh: '自评对象', en: 'What a self-evaluation evaluates' },
  labels: SELF_EVALUATION_OBJECT_LABELS,
});
export type SelfEvaluationObject = CatalogEnumValue<typeof SelfEvaluationObject>;

export const SelfEvaluationStatus = registerCatalogEnum(SELF_EVALUATION_STATUSES, {
  name: 'SelfEvaluationStatus',
  description: { zh: '自评状态', en: 'Where a self-evaluation stands' },
  labels: SELF_EVALUATION_STATUS_LABELS,
});
export type SelfEvaluationStatus = CatalogEnumValue<typeof SelfEvaluationStatus>;

export const QualitativeLevel = registerCatalogEnum(QUALITATIVE_LEVELS, {
  name: 'QualitativeLevel',
  description: { zh: '定性指标完成等级', en: 'The level a qualitative indicator reached' },
  labels: QUALITATIVE_LEVEL_LABELS,
});
export type QualitativeLevel = CatalogEnumValue<typeof QualitativeLevel>;

export const SelfEvaluationDecision = registerCatalogEnum(SELF_EVALUATION_DECISIONS, {
  name: 'SelfEvaluationDecision',
  description: { zh: '审核、抽查结论', en: 'A review’s or spot check’s decision' },
  labels: SELF_EVALUATION_DECISION_LABELS,
});
export type SelfEvaluationDecision = CatalogEnumValue<typeof SelfEvaluationDecision>;

export const SelfEvaluationAcceptanceBasis = registerCatalogEnum(ACCEPTANCE_BASES, {
  name: 'SelfEvaluationAcceptanceBasis',
  description: { zh: '认定依据', en: 'How a self-evaluation was accepted' },
  labels: ACCEPTANCE_BASIS_LABELS,
});
export type SelfEvaluationAcceptanceBasis = CatalogEnumValue<typeof SelfEvaluationAcceptanceBasis>;

export const SelfEvaluationPart = registerCatalogEnum(SELF_EVALUATION_PARTS, {
  name: 'SelfEvaluationPart',
  description: { zh: '自评分值构成', en: 'A part of a self-evaluation’s 100 points' },
  labels: SELF_EVALUATION_PART_LABELS,
});
export type SelfEvaluationPart = CatalogEnumValue<typeof SelfEvaluationPart>;
