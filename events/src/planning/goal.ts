import { z } from 'zod';
import { fenSchema } from '../money';
import { defineEvent, yuanFieldsToFen } from '../catalog/define';
import { ruleProfileRefSchema } from './rule-profile';

/** Indicator framework (DOMAIN.md): level-1 categories and the level-2 ones under each. */
export const INDICATOR_CATEGORIES = {
  OUTPUT: ['QUANTITY', 'QUALITY', 'TIMELINESS', 'COST'],
  BENEFIT: ['ECONOMIC', 'SOCIAL', 'ECOLOGICAL', 'SUSTAINABLE'],
  SATISFACTION: ['BENEFICIARY'],
  COST: ['ECONOMIC_COST', 'SOCIAL_COST', 'ECO_COST'],
} as const;
export type Level1 = keyof typeof INDICATOR_CATEGORIES;
export const LEVEL1 = Object.keys(INDICATOR_CATEGORIES) as Level1[];
export const LEVEL2 = [...new Set(Object.values(INDICATOR_CATEGORIES).flat())] as [string, ...string[]];

export const OPERATORS = ['>=', '<=', '=', '>', '<', 'QUALITATIVE'] as const;
export const TARGET_BASES = ['PLAN', 'INDUSTRY', 'HISTORICAL', 'OTHER'] as const;
export const GOAL_TERMS = ['ANNUAL', 'MEDIUM_TERM'] as const;
export const REVIEW_RESULTS = ['APPROVE', 'RETURN'] as const;
/** Department review (主管部门) comes first for a subordinate unit's goal; the joint finance review concludes. */
export const REVIEW_STAGES = ['DEPARTMENT', 'FINANCE'] as const;
export const JOINT_REVIEWER_ROLES = ['BUDGET_SECTION', 'PERFORMANCE_SECTION', 'EXPERT'] as const;
/**
 * A goal's lifecycle (DOMAIN.md) as its read model and the API show it; the events imply it
 * (GoalSubmitted → SUBMITTED or FINANCE_REVIEW, GoalReviewed → …). Labels: GOAL_STATUS_LABELS.
 */
export const GOAL_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'FINANCE_REVIEW',
  'RETURNED',
  'APPROVED',
  'ISSUED',
  'ADJUSTED',
] as const;
/** Statuses in which a goal counts as approved (coverage, the library gate, samples, the goal counts). */
export const APPROVED_GOAL_STATUSES = [
  'APPROVED',
  'ISSUED',
  'ADJUSTED',
] as const satisfies readonly (typeof GOAL_STATUSES)[number][];

/** A numeric target lies within ± this (a sane range for counts, lengths, yuan, rates). */
export const TARGET_VALUE_LIMIT = 1e12;
/** Units that make a target a percentage, which lies from 0 to 100. */
export const PERCENT_UNITS: readonly string[] = ['%', '％'];

export const indicatorSchema = z.object({
  indicatorId: z.string().min(1),
  level1: z.enum(LEVEL1 as [Level1, ...Level1[]]),
  level2: z.enum(LEVEL2),
  name: z.string().min(1).max(200),
  operator: z.enum(OPERATORS),
  /** Numeric target; null only for qualitative indicators. */
  targetValue: z.number().finite().min(-TARGET_VALUE_LIMIT).max(TARGET_VALUE_LIMIT).nullable(),
  /** Wording of a qualitative target, e.g. 「明显改善」. */
  targetText: z.string().max(500).nullable(),
  unit: z.string().max(20),
  points: z.number().positive().max(100),
  basis: z.enum(TARGET_BASES),
  core: z.boolean(),
  templateId: z.string().min(1).nullable(),
});

const goalContent = {
  goalId: z.string().min(1),
  unitId: z.string().min(1),
  projectCode: z.string().min(1).max(64),
  projectName: z.string().min(1).max(200),
  fiscalYear: z.number().int().min(2000).max(2100),
  divisionCode: z.string().regex(/^\d{6}$/),
  term: z.enum(GOAL_TERMS),
  overallGoal: z.string().min(1).max(4000),
  /** The goal's money, in fen (schema versions before exact money held yuan as a float in `amount`). */
  amountFen: fenSchema,
};
const indicatorComments = z.array(z.object({ indicatorId: z.string().min(1), comment: z.string().min(1).max(2000) }));

export const GoalDrafted = defineEvent({
  type: 'GoalDrafted',
  context: 'planning',
  description: '绩效目标草稿已建立 — a goal was drafted for a project (possibly copied from an exemplary sample)',
  schemaVersion: 2,
  schema: z.object({
    ...goalContent,
    projectId: z.string().min(1),
    indicators: z.array(indicatorSchema),
    copiedFromGoalId: z.string().min(1).nullable(),
  }),
  upcasters: { 1: yuanFieldsToFen({ amount: 'amountFen' }) },
});

/** v1 (session 1) had no project, submission count, review routing or rule profile. */
const goalSubmittedV1ToV2 = (data: unknown) => ({
  projectId: null,
  submission: 1,
  departmentReview: false,
  ruleProfile: null,
  indicatorCatalogueVersion: '2021',
  ...(data as object),
});

export const GoalSubmitted = defineEvent({
  type: 'GoalSubmitted',
  context: 'planning',
  description: '绩效目标已提交 — a goal was submitted (or resubmitted) for review, with its content as submitted',
  schemaVersion: 3,
  schema: z.object({
    ...goalContent,
    projectId: z.string().min(1).nullable(),
    indicators: z.array(indicatorSchema).min(1),
    /** 1 for the first submission, + 1 for each resubmission after a return. */
    submission: z.number().int().positive(),
    /** True when the unit has a supervising department (主管部门) that reviews first. */
    departmentReview: z.boolean(),
    /** The profile whose indicator catalogue the goal was checked against; null for v1 events. */
    ruleProfile: ruleProfileRefSchema.nullable(),
    indicatorCatalogueVersion: z.enum(['2020', '2021']),
  }),
  upcasters: { 1: goalSubmittedV1ToV2, 2: yuanFieldsToFen({ amount: 'amountFen' }) },
});

export const IndicatorAdded = defineEvent({
  type: 'IndicatorAdded',
  context: 'planning',
  description: '绩效指标已添加 — an indicator (own or from the library) was added to a draft or returned goal',
  schemaVersion: 1,
  schema: z.object({ goalId: z.string().min(1), indicator: indicatorSchema }),
});

export const IndicatorRevised = defineEvent({
  type: 'IndicatorRevised',
  context: 'planning',
  description: '绩效指标已修改 — an indicator of a goal was revised before approval',
  schemaVersion: 1,
  schema: z.object({
    goalId: z.string().min(1),
    indicator: indicatorSchema,
    reason: z.string().min(1).max(2000),
  }),
});

export const IndicatorRemoved = defineEvent({
  type: 'IndicatorRemoved',
  context: 'planning',
  description: '绩效指标已删除 — an indicator was removed from a draft or returned goal',
  schemaVersion: 1,
  schema: z.object({
    goalId: z.string().min(1),
    indicatorId: z.string().min(1),
    reason: z.string().min(1).max(2000),
  }),
});

export const GoalReviewOpinionRecorded = defineEvent({
  type: 'GoalReviewOpinionRecorded',
  context: 'planning',
  description:
    '联审意见已记录 — one member of the joint finance review (budget section, performance section, expert) gave an opinion',
  schemaVersion: 1,
  schema: z.object({
    goalId: z.string().min(1),
    round: z.number().int().positive(),
    reviewerRole: z.enum(JOINT_REVIEWER_ROLES),
    reviewerId: z.string().min(1),
    opinion: z.enum(REVIEW_RESULTS),
    comment: z.string().max(4000),
    indicatorComments,
  }),
});

export const GoalReviewed = defineEvent({
  type: 'GoalReviewed',
  context: 'planning',
  description:
    '绩效目标已审核 — the department or the joint finance review passed the goal on, approved it or returned it',
  schemaVersion: 2,
  schema: z.object({
    goalId: z.string().min(1),
    round: z.number().int().positive(),
    stage: z.enum(REVIEW_STAGES),
    reviewerRole: z.string().min(1),
    result: z.enum(REVIEW_RESULTS),
    comment: z.string().max(4000),
    indicatorComments,
    /** The profile that said which opinions the joint review needed; null for the department stage and v1. */
    ruleProfile: ruleProfileRefSchema.nullable(),
  }),
  // v1 had a single review step, which is the finance stage now
  upcasters: { 1: (data) => ({ stage: 'FINANCE', ruleProfile: null, ...(data as object) }) },
});

export const GoalIssued = defineEvent({
  type: 'GoalIssued',
  context: 'planning',
  description: '绩效目标已随预算批复下达 — an approved goal was issued together with the budget',
  schemaVersion: 2,
  schema: z.object({
    goalId: z.string().min(1),
    budgetDocument: z.string().min(1).max(200),
    issuedAmountFen: fenSchema,
  }),
  upcasters: { 1: yuanFieldsToFen({ issuedAmount: 'issuedAmountFen' }) },
});

export const GoalAdjusted = defineEvent({
  type: 'GoalAdjusted',
  context: 'planning',
  description: '绩效目标已随预算调整而调整 — an issued goal changed through a budget adjustment',
  schemaVersion: 2,
  schema: z.object({
    goalId: z.string().min(1),
    budgetAdjustmentRef: z.string().min(1).max(200),
    reason: z.string().min(1).max(2000),
    amountFen: fenSchema,
    indicators: z.array(indicatorSchema).min(1),
    adjustmentCount: z.number().int().positive(),
  }),
  upcasters: { 1: yuanFieldsToFen({ amount: 'amountFen' }) },
});

export const GoalMarkedExemplary = defineEvent({
  type: 'GoalMarkedExemplary',
  context: 'planning',
  description: '绩效目标已评为精品样本 — an approved goal was published to the sample library',
  schemaVersion: 1,
  schema: z.object({ goalId: z.string().min(1), reason: z.string().min(1).max(2000) }),
});

export const goalEvents = [
  GoalDrafted,
  GoalSubmitted,
  IndicatorAdded,
  IndicatorRevised,
  IndicatorRemoved,
  GoalReviewOpinionRecorded,
  GoalReviewed,
  GoalIssued,
  GoalAdjusted,
  GoalMarkedExemplary,
] as const;
