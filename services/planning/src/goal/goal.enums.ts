import { registerEnumType } from 'type-graphql';

/** Stored operator symbols, named for GraphQL (enum values cannot be `>=`). */
export enum IndicatorOperator {
  GTE = '>=',
  LTE = '<=',
  EQ = '=',
  GT = '>',
  LT = '<',
  QUALITATIVE = 'QUALITATIVE',
}
registerEnumType(IndicatorOperator, {
  name: 'IndicatorOperator',
  description: '指标值比较方式 (How the actual value is compared with the target)',
  valuesConfig: {
    GTE: { description: '≥ 不低于目标值，越高越好 (at least the target; higher is better)' },
    LTE: { description: '≤ 不高于目标值，越低越好 (at most the target; lower is better)' },
    EQ: { description: '= 等于目标值 (equal to the target)' },
    GT: { description: '> 高于目标值 (above the target)' },
    LT: { description: '< 低于目标值 (below the target)' },
    QUALITATIVE: { description: '定性指标，以文字描述目标 (qualitative; the target is described in words)' },
  },
});

export enum IndicatorLevel1 {
  OUTPUT = 'OUTPUT',
  BENEFIT = 'BENEFIT',
  SATISFACTION = 'SATISFACTION',
  COST = 'COST',
}
registerEnumType(IndicatorLevel1, {
  name: 'IndicatorLevel1',
  description: '一级指标 (Level-1 indicator category)',
  valuesConfig: {
    OUTPUT: { description: '产出指标 (output)' },
    BENEFIT: { description: '效益指标 (benefit)' },
    SATISFACTION: { description: '满意度指标 (satisfaction)' },
    COST: { description: '成本指标，2021 年起 (cost, from the 2021 rules)' },
  },
});

export enum IndicatorLevel2 {
  QUANTITY = 'QUANTITY',
  QUALITY = 'QUALITY',
  TIMELINESS = 'TIMELINESS',
  COST = 'COST',
  ECONOMIC = 'ECONOMIC',
  SOCIAL = 'SOCIAL',
  ECOLOGICAL = 'ECOLOGICAL',
  SUSTAINABLE = 'SUSTAINABLE',
  BENEFICIARY = 'BENEFICIARY',
  ECONOMIC_COST = 'ECONOMIC_COST',
  SOCIAL_COST = 'SOCIAL_COST',
  ECO_COST = 'ECO_COST',
}
registerEnumType(IndicatorLevel2, {
  name: 'IndicatorLevel2',
  description: '二级指标 (Level-2 indicator category; must belong to its level-1 category)',
  valuesConfig: {
    QUANTITY: { description: '数量指标 (quantity)' },
    QUALITY: { description: '质量指标 (quality)' },
    TIMELINESS: { description: '时效指标 (timeliness)' },
    COST: { description: '成本指标 (cost, under output)' },
    ECONOMIC: { description: '经济效益 (economic benefit)' },
    SOCIAL: { description: '社会效益 (social benefit)' },
    ECOLOGICAL: { description: '生态效益 (ecological benefit)' },
    SUSTAINABLE: { description: '可持续影响 (sustainable impact)' },
    BENEFICIARY: { description: '服务对象满意度 (beneficiary satisfaction)' },
    ECONOMIC_COST: { description: '经济成本 (economic cost)' },
    SOCIAL_COST: { description: '社会成本 (social cost)' },
    ECO_COST: { description: '生态环境成本 (ecological cost)' },
  },
});

export enum TargetBasis {
  PLAN = 'PLAN',
  INDUSTRY = 'INDUSTRY',
  HISTORICAL = 'HISTORICAL',
  OTHER = 'OTHER',
}
registerEnumType(TargetBasis, {
  name: 'TargetBasis',
  description: '目标值确定依据 (Basis of the target value)',
  valuesConfig: {
    PLAN: { description: '计划标准 (plan standard)' },
    INDUSTRY: { description: '行业标准 (industry standard)' },
    HISTORICAL: { description: '历史标准 (historical standard)' },
    OTHER: { description: '其他标准 (other standard)' },
  },
});

export enum GoalTerm {
  ANNUAL = 'ANNUAL',
  MEDIUM_TERM = 'MEDIUM_TERM',
}
registerEnumType(GoalTerm, {
  name: 'GoalTerm',
  description: '目标期限 (Goal term)',
  valuesConfig: {
    ANNUAL: { description: '年度目标 (annual)' },
    MEDIUM_TERM: { description: '中期目标 (medium term)' },
  },
});

export enum GoalStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  FINANCE_REVIEW = 'FINANCE_REVIEW',
  RETURNED = 'RETURNED',
  APPROVED = 'APPROVED',
  ISSUED = 'ISSUED',
  ADJUSTED = 'ADJUSTED',
}
registerEnumType(GoalStatus, {
  name: 'GoalStatus',
  description: '绩效目标状态 (Goal status)',
  valuesConfig: {
    DRAFT: { description: '草稿，单位编制中 (draft, being written by the unit)' },
    SUBMITTED: { description: '已提交，待主管部门审核 (submitted, awaiting the supervising department)' },
    FINANCE_REVIEW: {
      description:
        '财政联审中：预算科、绩效科、专家 (joint finance review: budget section, performance section, experts)',
    },
    RETURNED: { description: '已退回修改，可修改后重新提交 (returned with comments; revise and resubmit)' },
    APPROVED: { description: '已批准 (approved)' },
    ISSUED: { description: '已随预算批复下达 (issued with the budget)' },
    ADJUSTED: { description: '已随预算调整而调整 (adjusted through a budget adjustment)' },
  },
});

export enum ReviewStage {
  DEPARTMENT = 'DEPARTMENT',
  FINANCE = 'FINANCE',
}
registerEnumType(ReviewStage, {
  name: 'ReviewStage',
  description: '审核阶段 (Review stage)',
  valuesConfig: {
    DEPARTMENT: { description: '主管部门审核 (supervising department review)' },
    FINANCE: { description: '财政联审结论 (conclusion of the joint finance review)' },
  },
});

export enum JointReviewerRole {
  BUDGET_SECTION = 'BUDGET_SECTION',
  PERFORMANCE_SECTION = 'PERFORMANCE_SECTION',
  EXPERT = 'EXPERT',
}
registerEnumType(JointReviewerRole, {
  name: 'JointReviewerRole',
  description: '联审成员 (Member of the joint finance review)',
  valuesConfig: {
    BUDGET_SECTION: { description: '预算科 (budget section)' },
    PERFORMANCE_SECTION: { description: '绩效科 (performance section)' },
    EXPERT: { description: '专家 (expert)' },
  },
});

export enum ReviewResult {
  APPROVE = 'APPROVE',
  RETURN = 'RETURN',
}
registerEnumType(ReviewResult, {
  name: 'ReviewResult',
  description: '审核结论 (Review result)',
  valuesConfig: {
    APPROVE: { description: '通过 (approve)' },
    RETURN: { description: '退回修改 (return with comments)' },
  },
});
