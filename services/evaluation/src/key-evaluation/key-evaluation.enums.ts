import {
  EVIDENCE_KIND_LABELS,
  EVIDENCE_KINDS,
  FEEDBACK_SOURCE_LABELS,
  FEEDBACK_SOURCES,
  KEY_EVALUATION_KIND_LABELS,
  KEY_EVALUATION_KINDS,
  KEY_EVALUATION_OBJECT_LABELS,
  KEY_EVALUATION_OBJECTS,
  KEY_EVALUATION_STAGE_LABELS,
  KEY_EVALUATION_STAGES,
} from '@jixiao/events';
import { registerCatalogEnum, type CatalogEnumValue } from '@jixiao/service-kit';

export const KeyEvaluationKind = registerCatalogEnum(KEY_EVALUATION_KINDS, {
  name: 'KeyEvaluationKind',
  description: { zh: '评价类型：财政重点评价或部门评价', en: 'Key evaluation by an agency, or department evaluation' },
  labels: KEY_EVALUATION_KIND_LABELS,
});
export type KeyEvaluationKind = CatalogEnumValue<typeof KeyEvaluationKind>;

export const KeyEvaluationObject = registerCatalogEnum(KEY_EVALUATION_OBJECTS, {
  name: 'KeyEvaluationObject',
  description: { zh: '评价对象', en: 'What is evaluated' },
  labels: KEY_EVALUATION_OBJECT_LABELS,
});
export type KeyEvaluationObject = CatalogEnumValue<typeof KeyEvaluationObject>;

export const KeyEvaluationStage = registerCatalogEnum(KEY_EVALUATION_STAGES, {
  name: 'KeyEvaluationStage',
  description: { zh: '重点评价所处阶段', en: 'Stage of a key evaluation' },
  labels: KEY_EVALUATION_STAGE_LABELS,
});
export type KeyEvaluationStage = CatalogEnumValue<typeof KeyEvaluationStage>;

export const EvidenceKind = registerCatalogEnum(EVIDENCE_KINDS, {
  name: 'EvaluationEvidenceKind',
  description: { zh: '评价证据类型', en: 'Kind of fieldwork evidence' },
  labels: EVIDENCE_KIND_LABELS,
});
export type EvidenceKind = CatalogEnumValue<typeof EvidenceKind>;

export const FeedbackSource = registerCatalogEnum(FEEDBACK_SOURCES, {
  name: 'EvaluationFeedbackSource',
  description: { zh: '意见来源', en: 'Who gave the feedback' },
  labels: FEEDBACK_SOURCE_LABELS,
});
export type FeedbackSource = CatalogEnumValue<typeof FeedbackSource>;
