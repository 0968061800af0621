import type { ValueLabels } from '../catalog/define';
import type {
  GOAL_STATUSES,
  GOAL_TERMS,
  JOINT_REVIEWER_ROLES,
  Level1,
  OPERATORS,
  REVIEW_RESULTS,
  REVIEW_STAGES,
  TARGET_BASES,
} from './goal';

/** 一级指标. */
export const LEVEL1_LABELS: ValueLabels<Level1> = {
  OUTPUT: { zh: '产出指标', en: 'output' },
  BENEFIT: { zh: '效益指标', en: 'benefit' },
  SATISFACTION: { zh: '满意度指标', en: 'satisfaction' },
  COST: { zh: '成本指标，2021 年起', en: 'cost, from the 2021 rules' },
};

/** 二级指标 (`LEVEL2` is typed as strings: the test of GraphQL enums checks that every one has a label). */
export const LEVEL2_LABELS: ValueLabels<string> = {
  QUANTITY: { zh: '数量指标', en: 'quantity' },
  QUALITY: { zh: '质量指标', en: 'quality' },
  TIMELINESS: { zh: '时效指标', en: 'timeliness' },
  COST: { zh: '成本指标', en: 'cost, under output' },
  ECONOMIC: { zh: '经济效益', en: 'economic benefit' },
  SOCIAL: { zh: '社会效益', en: 'social benefit' },
  ECOLOGICAL: { zh: '生态效益', en: 'ecological benefit' },
  SUSTAINABLE: { zh: '可持续影响', en: 'sustainable impact' },
  BENEFICIARY: { zh: '服务对象满意度', en: 'beneficiary satisfaction' },
  ECONOMIC_COST: { zh: '经济成本', en: 'economic cost' },
  SOCIAL_COST: { zh: '社会成本', en: 'social cost' },
  ECO_COST: { zh: '生态环境成本', en: 'ecological cost' },
};

/** 指标值比较方式. */
export const OPERATOR_LABELS: ValueLabels<(typeof OPERATORS)[number]> = {
  '>=': { zh: '≥ 不低于目标值，越高越好', en: 'at least the target; higher is better' },
  '<=': { zh: '≤ 不高于目标值，越低越好', en: 'at most the target; lower is better' },
  '=': { zh: '= 等于目标值', en: 'equal to the target' },
  '>': { zh: '> 高于目标值', en: 'above the target' },
  '<': { zh: '< 低于目标值', en: 'below the target' },
  QUALITATIVE: { zh: '定性指标，以文字描述目标', en: 'qualitative; the target is described in words' },
};

/** 目标值确定依据. */
export const TARGET_BASIS_LABELS: ValueLabels<(typeof TARGET_BASES)[number]> = {
  PLAN: { zh: '计划标准', en: 'plan standard' },
  INDUSTRY: { zh: '行业标准', en: 'industry standard' },
  HISTORICAL: { zh: '历史标准', en: 'historical standard' },
  OTHER: { zh: '其他标准', en: 'other standard' },
};

/** 目标期限. */
export const GOAL_TERM_LABELS: ValueLabels<(typeof GOAL_TERMS)[number]> = {
  ANNUAL: { zh: '年度目标', en: 'annual' },
  MEDIUM_TERM: { zh: '中期目标', en: 'medium term' },
};

/** 绩效目标状态. */
export const GOAL_STATUS_LABELS: ValueLabels<(typeof GOAL_STATUSES)[number]> = {
  DRAFT: { zh: '草稿，单位编制中', en: 'draft, being written by the unit' },
  SUBMITTED: { zh: '已提交，待主管部门审核', en: 'submitted, awaiting the supervising department' },
  FINANCE_REVIEW: {
    zh: '财政联审中：预算科、绩效科、专家',
    en: 'joint finance review: budget section, performance section, experts',
  },
  RETURNED: { zh: '已退回修改，可修改后重新提交', en: 'returned with comments; revise and resubmit' },
  APPROVED: { zh: '已批准', en: 'approved' },
  ISSUED: { zh: '已随预算批复下达', en: 'issued with the budget' },
  ADJUSTED: { zh: '已随预算调整而调整', en: 'adjusted through a budget adjustment' },
};

/** 审核阶段. */
export const REVIEW_STAGE_LABELS: ValueLabels<(typeof REVIEW_STAGES)[number]> = {
  DEPARTMENT: { zh: '主管部门审核', en: 'supervising department review' },
  FINANCE: { zh: '财政联审结论', en: 'conclusion of the joint finance review' },
};

/** 联审成员. */
export const JOINT_REVIEWER_ROLE_LABELS: ValueLabels<(typeof JOINT_REVIEWER_ROLES)[number]> = {
  BUDGET_SECTION: { zh: '预算科', en: 'budget section' },
  PERFORMANCE_SECTION: { zh: '绩效科', en: 'performance section' },
  EXPERT: { zh: '专家', en: 'expert' },
};

/** 审核结论. */
export const REVIEW_RESULT_LABELS: ValueLabels<(typeof REVIEW_RESULTS)[number]> = {
  APPROVE: { zh: '通过', en: 'approve' },
  RETURN: { zh: '退回修改', en: 'return with comments' },
};
