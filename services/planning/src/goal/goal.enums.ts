import {
  GOAL_STATUS_LABELS,
  GOAL_STATUSES,
  GOAL_TERM_LABELS,
  GOAL_TERMS,
  JOINT_REVIEWER_ROLE_LABELS,
  JOINT_REVIEWER_ROLES,
  LEVEL1,
  LEVEL1_LABELS,
  LEVEL2,
  LEVEL2_LABELS,
  OPERATOR_LABELS,
  OPERATORS,
  REVIEW_RESULT_LABELS,
  REVIEW_RESULTS,
  REVIEW_STAGE_LABELS,
  REVIEW_STAGES,
  TARGET_BASES,
  TARGET_BASIS_LABELS,
} from '@jixiao/events';
import { registerCatalogEnum, type CatalogEnumValue } from '@jixiao/service-kit';

/** Stored operator symbols, named for GraphQL (enum values cannot be `>=`): `IndicatorOperator.GTE === '>='`. */
export const IndicatorOperator = registerCatalogEnum(OPERATORS, {
  name: 'IndicatorOperator',
  description: { zh: '指标值比较方式', en: 'How the actual value is compared with the target' },
  labels: OPERATOR_LABELS,
  names: { '>=': 'GTE', '<=': 'LTE', '=': 'EQ', '>': 'GT', '<': 'LT' },
});
export type IndicatorOperator = CatalogEnumValue<typeof IndicatorOperator>;

export const IndicatorLevel1 = registerCatalogEnum(LEVEL1, {
  name: 'IndicatorLevel1',
  description: { zh: '一级指标', en: 'Level-1 indicator category' },
  labels: LEVEL1_LABELS,
});
export type IndicatorLevel1 = CatalogEnumValue<typeof IndicatorLevel1>;

export const IndicatorLevel2 = registerCatalogEnum(LEVEL2, {
  name: 'IndicatorLevel2',
  description: { zh: '二级指标', en: 'Level-2 indicator category; must belong to its level-1 category' },
  labels: LEVEL2_LABELS,
});
export type IndicatorLevel2 = CatalogEnumValue<typeof IndicatorLevel2>;

export const TargetBasis = registerCatalogEnum(TARGET_BASES, {
  name: 'TargetBasis',
  description: { zh: '目标值确定依据', en: 'Basis of the target value' },
  labels: TARGET_BASIS_LABELS,
});
export type TargetBasis = CatalogEnumValue<typeof TargetBasis>;

export const GoalTerm = registerCatalogEnum(GOAL_TERMS, {
  name: 'GoalTerm',
  description: { zh: '目标期限', en: 'Goal term' },
  labels: GOAL_TERM_LABELS,
});
export type GoalTerm = CatalogEnumValue<typeof GoalTerm>;

export const GoalStatus = registerCatalogEnum(GOAL_STATUSES, {
  name: 'GoalStatus',
  description: { zh: '绩效目标状态', en: 'Goal status' },
  labels: GOAL_STATUS_LABELS,
});
export type GoalStatus = CatalogEnumValue<typeof GoalStatus>;

export const ReviewStage = registerCatalogEnum(REVIEW_STAGES, {
  name: 'ReviewStage',
  description: { zh: '审核阶段', en: 'Review stage' },
  labels: REVIEW_STAGE_LABELS,
});
export type ReviewStage = CatalogEnumValue<typeof ReviewStage>;

export const JointReviewerRole = registerCatalogEnum(JOINT_REVIEWER_ROLES, {
  name: 'JointReviewerRole',
  description: { zh: '联审成员', en: 'Member of the joint finance review' },
  labels: JOINT_REVIEWER_ROLE_LABELS,
});
export type JointReviewerRole = CatalogEnumValue<typeof JointReviewerRole>;

export const ReviewResult = registerCatalogEnum(REVIEW_RESULTS, {
  name: 'ReviewResult',
  description: { zh: '审核结论', en: 'Review result' },
  labels: REVIEW_RESULT_LABELS,
});
export type ReviewResult = CatalogEnumValue<typeof ReviewResult>;
