import { z } from 'zod';
import { defineEvent } from '../catalog/define';

/** 事前绩效评估五个维度 (DOMAIN.md, pre-assessment). */
export const PRE_ASSESSMENT_DIMENSIONS = [
  'NECESSITY',
  'ECONOMY',
  'GOAL_REASONABLENESS',
  'FEASIBILITY',
  'FINANCING_COMPLIANCE',
] as const;
export type PreAssessmentDimension = (typeof PRE_ASSESSMENT_DIMENSIONS)[number];

export const GRADES = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'] as const;
/** 重点评价、部门评价的一级维度: decision, process, output, benefit (DOMAIN.md, "Key and department evaluations"). */
export const EVALUATION_DIMENSIONS = ['DECISION', 'PROCESS', 'OUTPUT', 'BENEFIT'] as const;
export type EvaluationDimension = (typeof EVALUATION_DIMENSIONS)[number];
/** Indicator catalogue versions: the 2021 rules added the COST level-1 category. */
export const INDICATOR_CATALOGUE_VERSIONS = ['2020', '2021'] as const;

const points = z.number().nonnegative().max(100);

/** The longest resubmission period a profile may set: a budget year. */
export const MAX_GOAL_RESUBMISSION_DAYS = 365;
/** The resubmission period of profiles published before it was configurable (v1): the platform's fixed 15 days then. */
export const GOAL_RESUBMISSION_DAYS_V1 = 15;

/** The execution-rate tolerance of profiles published before monitoring was configurable (v2): none. */
export const EXECUTION_TOLERANCE_POINTS_V2 = 0;

/**
 * The evaluation rules of profiles published before evaluation was configurable (v3): DOMAIN.md's
 * defaults, which the platform applied then.
 */
export const EVALUATION_RULES_V3 = {
  spotCheckPercent: 10,
  keyEvaluationSplit: { DECISION: 15, PROCESS: 20, OUTPUT: 35, BENEFIT: 30 },
  minOutputBenefitPercent: 60,
} as const;

/** The configurable numbers of DOMAIN.md, as one value; a profile version holds one of these. */
export const ruleSetSchema = z.object({
  preAssessment: z.object({
    passMark: points,
    dimensionMaxPoints: z.object(
      Object.fromEntries(PRE_ASSESSMENT_DIMENSIONS.map((d) => [d, points])) as Record<
        PreAssessmentDimension,
        typeof points
      >,
    ),
  }),
  /** Lower bound of each grade but the last; POOR is everything below FAIR. */
  gradeBands: z.object({ EXCELLENT: points, GOOD: points, FAIR: points }),
  /** Self-evaluation weights; Hubei folds satisfaction into benefit (weight 0). */
  selfEvaluationWeights: z.object({
    budgetExecution: points,
    output: points,
    benefit: points,
    satisfaction: points,
  }),
  indicatorCatalogueVersion: z.enum(INDICATOR_CATALOGUE_VERSIONS),
  /** Standing-committee members needed to file a questioning motion, by level of the congress. */
  questioningSponsors: z.object({
    county: z.number().int().positive(),
    prefecture: z.number().int().positive(),
    province: z.number().int().positive(),
    national: z.number().int().positive(),
  }),
  /** Budget cut in percent applied to a project by its evaluation grade. */
  budgetCutPercentByGrade: z.object(
    Object.fromEntries(GRADES.map((g) => [g, points])) as Record<(typeof GRADES)[number], typeof points>,
  ),
  /** Reviewer roles whose opinion the joint finance review needs before it can conclude. */
  jointReviewRoles: z.array(z.enum(['BUDGET_SECTION', 'PERFORMANCE_SECTION', 'EXPERT'])).min(1),
  /** Days a unit has to resubmit a goal the review returned (退回修改期限); past them it is overdue. */
  goalResubmissionDays: z.number().int().min(1).max(MAX_GOAL_RESUBMISSION_DAYS),
  /** 绩效监控: percentage points the execution rate may lag the elapsed share of the year without a warning. */
  monitoring: z.object({ executionTolerancePoints: z.number().min(0).max(100) }),
  /** 绩效评价 (DOMAIN.md, "Scoring" and "Self-evaluation"). */
  evaluation: z.object({
    /** 财政抽查: the share of units, in percent, whose self-evaluations the bureau spot-checks (drawn reproducibly). */
    spotCheckPercent: z.number().min(0).max(100),
    /** 重点评价、部门评价: the points of each level-1 dimension, out of 100. */
    keyEvaluationSplit: z.object(
      Object.fromEntries(EVALUATION_DIMENSIONS.map((d) => [d, points])) as Record<EvaluationDimension, typeof points>,
    ),
    /** The least share, in percent, output and benefit together carry in a key or department evaluation. */
    minOutputBenefitPercent: z.number().min(0).max(100),
  }),
});
export type RuleSet = z.infer<typeof ruleSetSchema>;

/** Which profile version a decision used: recorded in the decision's event, so a replay scores the same way. */
export const ruleProfileRefSchema = z.object({
  profileId: z.string().min(1),
  version: z.number().int().positive(),
});
export type RuleProfileRef = z.infer<typeof ruleProfileRefSchema>;

export const RuleProfilePublished = defineEvent({
  type: 'RuleProfilePublished',
  context: 'planning',
  description: '规则配置已发布 — a division published (a new version of) its rule profile for a fiscal year',
  schemaVersion: 4,
  schema: z.object({
    profileId: z.string().min(1),
    divisionCode: z.string().regex(/^\d{6}$/),
    fiscalYear: z.number().int().min(2000).max(2100),
    name: z.string().min(1).max(200),
    version: z.number().int().positive(),
    /** The profile (built-in or published) this version started from. */
    basedOn: ruleProfileRefSchema,
    rules: ruleSetSchema,
    reason: z.string().min(1).max(2000),
  }),
  // v1 had no resubmission period: the fixed 15 days then in force
  upcasters: {
    1: (data) => {
      const v1 = data as { rules: object };
      return { ...v1, rules: { goalResubmissionDays: GOAL_RESUBMISSION_DAYS_V1, ...v1.rules } };
    },
    // v2 had no monitoring section: no tolerance, as the execution context read it then
    2: (data) => {
      const v2 = data as { rules: object };
      return {
        ...v2,
        rules: { monitoring: { executionTolerancePoints: EXECUTION_TOLERANCE_POINTS_V2 }, ...v2.rules },
      };
    },
    // v3 had no evaluation section: DOMAIN.md's defaults, which evaluation applied then
    3: (data) => {
      const v3 = data as { rules: object };
      return { ...v3, rules: { evaluation: EVALUATION_RULES_V3, ...v3.rules } };
    },
  },
});

export const ruleProfileEvents = [RuleProfilePublished] as const;
