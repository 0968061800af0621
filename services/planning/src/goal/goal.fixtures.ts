/* Worked examples shared by the goal decider tests: a rural-road project of a Tianmen transport unit. */
import type { RuleProfileRef } from '@jixiao/events';
import type { GoalRules, ReviewGoal, SubmitGoal } from './goal.decider';
import type { GoalReviewed, GoalSubmitted, Indicator } from './goal.events';

export const roadLength: Indicator = {
  indicatorId: 'i1',
  level1: 'OUTPUT',
  level2: 'QUANTITY',
  name: '改造农村公路里程',
  operator: '>=',
  targetValue: 120,
  targetText: null,
  unit: '公里',
  points: 30,
  basis: 'PLAN',
  core: true,
  templateId: null,
};
export const onTime: Indicator = {
  ...roadLength,
  indicatorId: 'i2',
  level2: 'TIMELINESS',
  name: '按期完工率',
  targetValue: 100,
  unit: '%',
  points: 20,
  core: false,
};
export const travel: Indicator = {
  ...roadLength,
  indicatorId: 'i3',
  level1: 'BENEFIT',
  level2: 'SOCIAL',
  name: '群众出行条件',
  operator: 'QUALITATIVE',
  targetValue: null,
  targetText: '明显改善',
  unit: '',
  points: 30,
};
export const satisfaction: Indicator = {
  ...roadLength,
  indicatorId: 'i4',
  level1: 'SATISFACTION',
  level2: 'BENEFICIARY',
  name: '沿线群众满意度',
  targetValue: 90,
  unit: '%',
  points: 20,
  basis: 'HISTORICAL',
};

export const nationalProfile: RuleProfileRef = { profileId: 'builtin-hubei', version: 1 };
export const rules: GoalRules = {
  ref: nationalProfile,
  indicatorCatalogueVersion: '2021',
  jointReviewRoles: ['BUDGET_SECTION', 'PERFORMANCE_SECTION', 'EXPERT'],
};

export const submitGoal: SubmitGoal = {
  type: 'SubmitGoal',
  goalId: 'g1',
  projectId: 'p1',
  unitId: 'u-transport',
  projectCode: 'JT-2023-001',
  projectName: '农村公路提档升级',
  fiscalYear: 2023,
  divisionCode: '429006',
  term: 'ANNUAL',
  overallGoal: '完成 120 公里农村公路提档升级，改善沿线群众出行条件',
  amountFen: 3_600_000_000, // 36,000,000.00 yuan
  indicators: [roadLength, onTime, travel, satisfaction],
  departmentReview: true,
  rules,
  existingGoalId: null,
};
const { type: _submit, departmentReview, rules: _rules, existingGoalId: _e, ...content } = submitGoal;
export const submittedData: GoalSubmitted['data'] = {
  ...content,
  submission: 1,
  departmentReview,
  ruleProfile: rules.ref,
  indicatorCatalogueVersion: '2021',
};
export const goalSubmitted: GoalSubmitted = { type: 'GoalSubmitted', data: submittedData };

export const departmentApproves: ReviewGoal = {
  type: 'ReviewGoal',
  goalId: 'g1',
  reviewerRole: 'DEPARTMENT',
  result: 'APPROVE',
  comment: '',
  indicatorComments: [],
  rules,
};
export const reviewed = (
  stage: 'DEPARTMENT' | 'FINANCE',
  result: 'APPROVE' | 'RETURN',
  round = 1,
  comment = '',
): GoalReviewed => ({
  type: 'GoalReviewed',
  data: {
    goalId: 'g1',
    round,
    stage,
    reviewerRole: stage === 'DEPARTMENT' ? 'DEPARTMENT' : 'PERFORMANCE_SECTION',
    result,
    comment,
    indicatorComments: [],
    ruleProfile: stage === 'FINANCE' ? rules.ref : null,
  },
});
