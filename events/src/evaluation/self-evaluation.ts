import { z } from 'zod';
import { defineEvent, type ValueLabels } from '../catalog/define';
import { fenSchema } from '../money';
import { GRADES, ruleProfileRefSchema } from '../planning/rule-profile';
import { LEVEL1, OPERATORS, type Level1 } from '../planning/goal';

/**
 * 单位自评 — the self-evaluation events: the year's notice and its tasks, the unit's filled score
 * sheet, the department's review, the bureau's spot check, acceptance or return (DOMAIN.md,
 * "Self-evaluation"; issue 16).
 */

/** What a unit evaluates: its overall expenditure (整体支出) or one of its projects. */
export const SELF_EVALUATION_OBJECTS = ['DEPT_OVERALL', 'PROJECT'] as const;
/** A self-evaluation's lifecycle (DOMAIN.md) as the read model and the API show it. */
export const SELF_EVALUATION_STATUSES = ['ISSUED', 'FILLED', 'DEPARTMENT_REVIEWED', 'RETURNED', 'ACCEPTED'] as const;
/** A qualitative indicator's level; each has its band of the indicator's points (DOMAIN.md, "Scoring"). */
export const QUALITATIVE_LEVELS = ['ACHIEVED', 'PARTLY', 'NOT_ACHIEVED'] as const;
/** The department's review and the bureau's spot check: accept, or return for correction. */
export const SELF_EVALUATION_DECISIONS = ['ACCEPT', 'RETURN'] as const;
/** Who accepted an evaluation: the bureau's spot check, or the draw that left its unit out. */
export const ACCEPTANCE_BASES = ['SPOT_CHECK', 'NOT_DRAWN'] as const;

export const SELF_EVALUATION_OBJECT_LABELS: ValueLabels<(typeof SELF_EVALUATION_OBJECTS)[number]> = {
  DEPT_OVERALL: { zh: '部门（单位）整体支出', en: 'the unit’s overall expenditure' },
  PROJECT: { zh: '项目支出', en: 'a project' },
};
export const SELF_EVALUATION_STATUS_LABELS: ValueLabels<(typeof SELF_EVALUATION_STATUSES)[number]> = {
  ISSUED: { zh: '已下达待填报', en: 'issued, to be filled' },
  FILLED: { zh: '已填报', en: 'filled by the unit' },
  DEPARTMENT_REVIEWED: { zh: '主管部门已审核', en: 'reviewed by the department' },
  RETURNED: { zh: '已退回', en: 'returned for correction' },
  ACCEPTED: { zh: '已认定', en: 'accepted' },
};
export const QUALITATIVE_LEVEL_LABELS: ValueLabels<(typeof QUALITATIVE_LEVELS)[number]> = {
  ACHIEVED: { zh: '达成', en: 'achieved (80–100 % of the points)' },
  PARTLY: { zh: '部分达成', en: 'partly achieved (50–80 %)' },
  NOT_ACHIEVED: { zh: '未达成', en: 'not achieved (0–50 %)' },
};
export const SELF_EVALUATION_DECISION_LABELS: ValueLabels<(typeof SELF_EVALUATION_DECISIONS)[number]> = {
  ACCEPT: { zh: '通过', en: 'accept' },
  RETURN: { zh: '退回', en: 'return for correction' },
};
export const ACCEPTANCE_BASIS_LABELS: ValueLabels<(typeof ACCEPTANCE_BASES)[number]> = {
  SPOT_CHECK: { zh: '财政抽查认定', en: 'accepted by the bureau’s spot check' },
  NOT_DRAWN: { zh: '未抽中，经主管部门审核即认定', en: 'not drawn: accepted on the department’s review' },
};

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const year = z.number().int().min(2000).max(2100);
const text = z.string().min(1).max(2000);
const formula = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/** One task of the notice: a unit's overall expenditure, or one of its projects with an issued goal. */
export const selfEvaluationTaskSchema = z.object({
  evaluationId: z.string().min(1),
  unitId: z.string().min(1),
  object: z.enum(SELF_EVALUATION_OBJECTS),
  /** PROJECT: the goal whose issued indicators are scored; null for DEPT_OVERALL. */
  goalId: z.string().min(1).nullable(),
  projectId: z.string().min(1).nullable(),
  /** The project's name, or the unit's for its overall expenditure. */
  name: z.string().min(1).max(200),
  /** The unit has a supervising department (主管部门) that reviews it first. */
  departmentReview: z.boolean(),
});

export const EvaluationNoticeIssued = defineEvent({
  type: 'EvaluationNoticeIssued',
  context: 'evaluation',
  description:
    '绩效自评通知已下达 — the bureau issued the year’s self-evaluation notice: a task for every first- and second-level unit’s overall expenditure and for each of its projects with an issued goal, due by a date',
  schemaVersion: 1,
  schema: z.object({
    divisionCode: z.string().regex(/^\d{6}$/),
    /** The year evaluated (the previous budget year). */
    fiscalYear: year,
    dueDate: day,
    /** The rule profile in force for the division and year: its weights and bands score every sheet of the notice. */
    ruleProfile: ruleProfileRefSchema,
    tasks: z.array(selfEvaluationTaskSchema),
  }),
});

export const EvaluationNoticeDuePassed = defineEvent({
  type: 'EvaluationNoticeDuePassed',
  context: 'evaluation',
  description:
    '绩效自评填报截止日已过 — the notice’s due date passed (the deadline scheduler’s); every task not yet filled is overdue from then',
  schemaVersion: 1,
  schema: z.object({ divisionCode: z.string().regex(/^\d{6}$/), fiscalYear: year, dueDate: day }),
});

export const SpotCheckDrawn = defineEvent({
  type: 'SpotCheckDrawn',
  context: 'evaluation',
  description:
    '财政抽查样本已抽取 — the bureau drew the units whose self-evaluations it spot-checks: the share from the profile, drawn reproducibly from the seed',
  schemaVersion: 1,
  schema: z.object({
    divisionCode: z.string().regex(/^\d{6}$/),
    fiscalYear: year,
    seed: z.string().min(1).max(200),
    percent: z.number().min(0).max(100),
    ruleProfile: ruleProfileRefSchema,
    /** Every unit of the notice, the pool drawn from. */
    unitIds: z.array(z.string().min(1)),
    drawnUnitIds: z.array(z.string().min(1)),
  }),
});

export const SelfEvaluationDrawNoted = defineEvent({
  type: 'SelfEvaluationDrawNoted',
  context: 'evaluation',
  description:
    '抽查结果已记入自评 — whether this evaluation’s unit was drawn for the spot check (a reaction to the draw, on every evaluation of the notice)',
  schemaVersion: 1,
  schema: z.object({
    evaluationId: z.string().min(1),
    unitId: z.string().min(1),
    drawn: z.boolean(),
    seed: z.string().min(1).max(200),
  }),
});

/** One line of the filled sheet: what the unit stated, and the score computed from it. */
export const filledIndicatorSchema = z.object({
  indicatorId: z.string().min(1),
  name: z.string().min(1).max(200),
  level1: z.enum(LEVEL1 as [Level1, ...Level1[]]),
  operator: z.enum(OPERATORS),
  /** Null for a qualitative indicator. */
  target: z.number().finite().nullable(),
  points: z.number().positive().max(100),
  /** Null for a qualitative indicator. */
  actual: z.number().finite().nullable(),
  qualitative: z.object({ level: z.enum(QUALITATIVE_LEVELS), percent: z.number().min(0).max(100) }).nullable(),
  /** Why a qualitative value was picked inside its band. */
  reason: text.nullable(),
  deviationCause: text.nullable(),
  improvementMeasure: text.nullable(),
});

/** The parts of a self-evaluation's 100 points (DOMAIN.md, "Scoring"); COST indicators count in OUTPUT. */
export const SELF_EVALUATION_PARTS = ['BUDGET_EXECUTION', 'OUTPUT', 'BENEFIT', 'SATISFACTION'] as const;
export const SELF_EVALUATION_PART_LABELS: ValueLabels<(typeof SELF_EVALUATION_PARTS)[number]> = {
  BUDGET_EXECUTION: { zh: '预算执行率', en: 'budget execution' },
  OUTPUT: { zh: '产出指标', en: 'output indicators' },
  BENEFIT: { zh: '效益指标', en: 'benefit indicators' },
  SATISFACTION: { zh: '满意度指标', en: 'satisfaction indicators' },
};

/** The score as computed when the sheet was submitted (never typed): each line's and part's formula with its numbers. */
export const selfEvaluationScoreSchema = z.object({
  budgetExecution: z.object({ weight: z.number(), rate: z.number(), awarded: z.number(), formula }),
  lines: z.array(
    z.object({
      indicatorId: z.string().min(1),
      part: z.enum(SELF_EVALUATION_PARTS),
      scaledPoints: z.number(),
      scaling: formula,
      awarded: z.number(),
      full: z.boolean(),
      formula,
    }),
  ),
  parts: z.array(
    z.object({
      part: z.enum(SELF_EVALUATION_PARTS),
      weight: z.number(),
      profileWeight: z.number(),
      awarded: z.number(),
      formula,
    }),
  ),
  total: z.number().min(0).max(100),
  grade: z.enum(GRADES),
});

export const SelfEvaluationSubmitted = defineEvent({
  type: 'SelfEvaluationSubmitted',
  context: 'evaluation',
  description:
    '单位自评已提交 — the unit submitted (or, after a return, resubmitted) its score sheet: actual values, budget executed, deviation causes; the score and grade computed under the notice’s profile',
  schemaVersion: 1,
  schema: z.object({
    evaluationId: z.string().min(1),
    divisionCode: z.string().regex(/^\d{6}$/),
    fiscalYear: year,
    task: selfEvaluationTaskSchema,
    /** 1 for the first submission, +1 for each resubmission after a return. */
    submission: z.number().int().positive(),
    ruleProfile: ruleProfileRefSchema,
    budgetFen: fenSchema,
    executedFen: fenSchema,
    indicators: z.array(filledIndicatorSchema),
    score: selfEvaluationScoreSchema,
    /** Submitted after the notice's due date. */
    late: z.boolean(),
  }),
});

/** A decision on one submission of a self-evaluation: the department's review or the bureau's spot check. */
const decisionSchema = z.object({
  evaluationId: z.string().min(1),
  unitId: z.string().min(1),
  submission: z.number().int().positive(),
  decision: z.enum(SELF_EVALUATION_DECISIONS),
  comment: z.string().max(2000),
});

export const SelfEvaluationReviewed = defineEvent({
  type: 'SelfEvaluationReviewed',
  context: 'evaluation',
  description:
    '主管部门已审核单位自评 — the supervising department accepted the unit’s self-evaluation or returned it with comments',
  schemaVersion: 1,
  schema: decisionSchema,
});

export const SpotCheckDecided = defineEvent({
  type: 'SpotCheckDecided',
  context: 'evaluation',
  description:
    '财政抽查结论 — the bureau’s spot check of a drawn unit’s self-evaluation: accepted, or returned with comments',
  schemaVersion: 1,
  schema: decisionSchema,
});

export const SelfEvaluationAccepted = defineEvent({
  type: 'SelfEvaluationAccepted',
  context: 'evaluation',
  description:
    '单位自评已认定 — the evaluation is accepted: by the bureau’s spot check, or on the department’s review when its unit was not drawn',
  schemaVersion: 1,
  schema: z.object({
    evaluationId: z.string().min(1),
    unitId: z.string().min(1),
    submission: z.number().int().positive(),
    basis: z.enum(ACCEPTANCE_BASES),
    total: z.number().min(0).max(100),
    grade: z.enum(GRADES),
  }),
});

export const selfEvaluationEvents = [
  EvaluationNoticeIssued,
  EvaluationNoticeDuePassed,
  SpotCheckDrawn,
  SelfEvaluationDrawNoted,
  SelfEvaluationSubmitted,
  SelfEvaluationReviewed,
  SpotCheckDecided,
  SelfEvaluationAccepted,
] as const;
