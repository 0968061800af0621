import { z } from 'zod';
import { defineEvent } from './define';

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

export const indicatorSchema = z.object({
  indicatorId: z.string().min(1),
  level1: z.enum(LEVEL1 as [Level1, ...Level1[]]),
  level2: z.enum(LEVEL2),
  name: z.string().min(1).max(200),
  operator: z.enum(OPERATORS),
  /** Numeric target; null only for qualitative indicators. */
  targetValue: z.number().finite().nullable(),
  /** Wording of a qualitative target, e.g. 「明显改善」. */
  targetText: z.string().max(500).nullable(),
  unit: z.string().max(20),
  points: z.number().positive().max(100),
  basis: z.enum(TARGET_BASES),
  core: z.boolean(),
  templateId: z.string().min(1).nullable(),
});

export const GoalSubmitted = defineEvent({
  type: 'GoalSubmitted',
  context: 'planning',
  description: '绩效目标已提交 — a performance goal was submitted with its indicators',
  schemaVersion: 1,
  schema: z.object({
    goalId: z.string().min(1),
    unitId: z.string().min(1),
    projectCode: z.string().min(1).max(64),
    projectName: z.string().min(1).max(200),
    fiscalYear: z.number().int().min(2000).max(2100),
    divisionCode: z.string().regex(/^\d{6}$/),
    term: z.enum(GOAL_TERMS),
    overallGoal: z.string().min(1).max(4000),
    amount: z.number().nonnegative(),
    indicators: z.array(indicatorSchema).min(1),
  }),
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

export const GoalReviewed = defineEvent({
  type: 'GoalReviewed',
  context: 'planning',
  description: '绩效目标已审核 — a reviewer approved or returned a goal',
  schemaVersion: 1,
  schema: z.object({
    goalId: z.string().min(1),
    round: z.number().int().positive(),
    reviewerRole: z.string().min(1),
    result: z.enum(REVIEW_RESULTS),
    comment: z.string().max(4000),
    indicatorComments: z.array(z.object({ indicatorId: z.string().min(1), comment: z.string().min(1).max(2000) })),
  }),
});

export const planningEvents = [GoalSubmitted, IndicatorRevised, GoalReviewed] as const;
