import {
  PRE_ASSESSMENT_CONCLUSION_LABELS,
  PRE_ASSESSMENT_CONCLUSIONS,
  PRE_ASSESSMENT_DIMENSION_LABELS,
  PRE_ASSESSMENT_DIMENSIONS,
  PRE_ASSESSMENT_STATUS_LABELS,
  PRE_ASSESSMENT_STATUSES,
  PRE_ASSESSMENT_SUBJECT_LABELS,
  PRE_ASSESSMENT_SUBJECTS,
  SCORER_ROLE_LABELS,
  SCORER_ROLES,
} from '@jixiao/events';
import { registerCatalogEnum, type CatalogEnumValue } from '@jixiao/service-kit';

export const PreAssessmentDimension = registerCatalogEnum(PRE_ASSESSMENT_DIMENSIONS, {
  name: 'PreAssessmentDimension',
  description: { zh: '事前绩效评估维度', en: 'Pre-assessment dimension' },
  labels: PRE_ASSESSMENT_DIMENSION_LABELS,
});
export type PreAssessmentDimension = CatalogEnumValue<typeof PreAssessmentDimension>;

export const PreAssessmentSubject = registerCatalogEnum(PRE_ASSESSMENT_SUBJECTS, {
  name: 'PreAssessmentSubject',
  description: { zh: '评估对象', en: 'What is assessed' },
  labels: PRE_ASSESSMENT_SUBJECT_LABELS,
});
export type PreAssessmentSubject = CatalogEnumValue<typeof PreAssessmentSubject>;

export const PreAssessmentConclusion = registerCatalogEnum(PRE_ASSESSMENT_CONCLUSIONS, {
  name: 'PreAssessmentConclusion',
  description: { zh: '评估结论', en: 'Conclusion' },
  labels: PRE_ASSESSMENT_CONCLUSION_LABELS,
});
export type PreAssessmentConclusion = CatalogEnumValue<typeof PreAssessmentConclusion>;

export const ScorerRole = registerCatalogEnum(SCORER_ROLES, {
  name: 'ScorerRole',
  description: { zh: '评分方', en: 'Who scores' },
  labels: SCORER_ROLE_LABELS,
});
export type ScorerRole = CatalogEnumValue<typeof ScorerRole>;

export const PreAssessmentStatus = registerCatalogEnum(PRE_ASSESSMENT_STATUSES, {
  name: 'PreAssessmentStatus',
  description: { zh: '评估状态', en: 'Pre-assessment status' },
  labels: PRE_ASSESSMENT_STATUS_LABELS,
});
export type PreAssessmentStatus = CatalogEnumValue<typeof PreAssessmentStatus>;
