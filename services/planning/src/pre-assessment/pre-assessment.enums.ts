import { registerEnumType } from 'type-graphql';

export enum PreAssessmentDimension {
  NECESSITY = 'NECESSITY',
  ECONOMY = 'ECONOMY',
  GOAL_REASONABLENESS = 'GOAL_REASONABLENESS',
  FEASIBILITY = 'FEASIBILITY',
  FINANCING_COMPLIANCE = 'FINANCING_COMPLIANCE',
}
registerEnumType(PreAssessmentDimension, {
  name: 'PreAssessmentDimension',
  description: '事前绩效评估维度 (Pre-assessment dimension)',
  valuesConfig: {
    NECESSITY: { description: '立项必要性 (necessity)' },
    ECONOMY: { description: '投入经济性 (economy of inputs)' },
    GOAL_REASONABLENESS: { description: '绩效目标合理性 (reasonableness of the goals)' },
    FEASIBILITY: { description: '实施方案可行性 (feasibility of the plan)' },
    FINANCING_COMPLIANCE: { description: '筹资合规性 (compliance of the financing)' },
  },
});

export enum PreAssessmentSubject {
  PROJECT = 'PROJECT',
  POLICY = 'POLICY',
}
registerEnumType(PreAssessmentSubject, {
  name: 'PreAssessmentSubject',
  description: '评估对象 (What is assessed)',
  valuesConfig: {
    PROJECT: { description: '项目 (a project)' },
    POLICY: { description: '政策 (a policy)' },
  },
});

export enum PreAssessmentConclusion {
  SUPPORT = 'SUPPORT',
  SUPPORT_AFTER_REVISION = 'SUPPORT_AFTER_REVISION',
  REJECT = 'REJECT',
}
registerEnumType(PreAssessmentConclusion, {
  name: 'PreAssessmentConclusion',
  description: '评估结论 (Conclusion)',
  valuesConfig: {
    SUPPORT: { description: '予以支持 (support)' },
    SUPPORT_AFTER_REVISION: { description: '完善后予以支持 (support after revision)' },
    REJECT: { description: '不予支持 (reject)' },
  },
});

export enum ScorerRole {
  EXPERT = 'EXPERT',
  INVESTMENT_REVIEW_CENTRE = 'INVESTMENT_REVIEW_CENTRE',
}
registerEnumType(ScorerRole, {
  name: 'ScorerRole',
  description: '评分方 (Who scores)',
  valuesConfig: {
    EXPERT: { description: '评审专家 (an expert)' },
    INVESTMENT_REVIEW_CENTRE: { description: '投资评审中心 (the investment review centre)' },
  },
});

export enum PreAssessmentStatus {
  OPEN = 'OPEN',
  CONCLUDED = 'CONCLUDED',
}
registerEnumType(PreAssessmentStatus, {
  name: 'PreAssessmentStatus',
  description: '评估状态 (Pre-assessment status)',
  valuesConfig: {
    OPEN: { description: '评分中 (being scored)' },
    CONCLUDED: { description: '已出具结论 (concluded)' },
  },
});
