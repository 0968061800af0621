import { z } from 'zod';
import { fenSchema } from '../money';
import { defineEvent, yuanFieldsToFen } from '../catalog/define';
import { PRE_ASSESSMENT_DIMENSIONS, ruleProfileRefSchema } from './rule-profile';

export const PROJECT_CATEGORIES = ['RECURRING', 'CONTINUING', 'ONE_OFF'] as const;
export const PRE_ASSESSMENT_SUBJECTS = ['PROJECT', 'POLICY'] as const;
export const PRE_ASSESSMENT_CONCLUSIONS = ['SUPPORT', 'SUPPORT_AFTER_REVISION', 'REJECT'] as const;
/** Who scores a pre-assessment: an expert, or the investment review centre (投资评审中心). */
export const SCORER_ROLES = ['EXPERT', 'INVESTMENT_REVIEW_CENTRE'] as const;
/** A project's place in the project library, as its read model and the API show it. */
export const LIBRARY_STATUSES = ['PROPOSED', 'IN_LIBRARY'] as const;
/** What the project-library gate asks of a project before admitting it. */
export const GATE_CONDITIONS = ['APPROVED_GOAL', 'PASSED_PRE_ASSESSMENT'] as const;
/** A pre-assessment is scored while OPEN; its conclusion makes it CONCLUDED. */
export const PRE_ASSESSMENT_STATUSES = ['OPEN', 'CONCLUDED'] as const;

export const ProjectProposed = defineEvent({
  type: 'ProjectProposed',
  context: 'planning',
  description: '项目已申报 — a budget unit proposed a project for the project library',
  schemaVersion: 2,
  schema: z.object({
    projectId: z.string().min(1),
    unitId: z.string().min(1),
    code: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    category: z.enum(PROJECT_CATEGORIES),
    isNew: z.boolean(),
    isMajor: z.boolean(),
    amountRequestedFen: fenSchema.positive(),
    fiscalYear: z.number().int().min(2000).max(2100),
    years: z.number().int().min(1).max(10),
    divisionCode: z.string().regex(/^\d{6}$/),
  }),
  upcasters: { 1: yuanFieldsToFen({ amountRequested: 'amountRequestedFen' }) },
});

export const ProjectAdmittedToLibrary = defineEvent({
  type: 'ProjectAdmittedToLibrary',
  context: 'planning',
  description:
    '项目已入库 — the project passed the library gate (approved goal; passed pre-assessment if new and major)',
  schemaVersion: 1,
  schema: z.object({
    projectId: z.string().min(1),
    goalId: z.string().min(1),
    preAssessmentId: z.string().min(1).nullable(),
  }),
});

export const BudgetAllocated = defineEvent({
  type: 'BudgetAllocated',
  context: 'planning',
  description: '预算已安排 — budget was allocated to a project in the library',
  schemaVersion: 2,
  schema: z.object({
    projectId: z.string().min(1),
    fiscalYear: z.number().int().min(2000).max(2100),
    amountFen: fenSchema.positive(),
    budgetDocument: z.string().min(1).max(200),
    totalAllocatedFen: fenSchema.positive(),
  }),
  upcasters: { 1: yuanFieldsToFen({ amount: 'amountFen', totalAllocated: 'totalAllocatedFen' }) },
});

const dimensionPoints = z.object(
  Object.fromEntries(PRE_ASSESSMENT_DIMENSIONS.map((d) => [d, z.number().nonnegative().max(100)])) as Record<
    (typeof PRE_ASSESSMENT_DIMENSIONS)[number],
    z.ZodNumber
  >,
);

export const PreAssessmentOpened = defineEvent({
  type: 'PreAssessmentOpened',
  context: 'planning',
  description: '事前绩效评估已启动 — a pre-assessment of a project or policy was opened',
  schemaVersion: 1,
  schema: z.object({
    preAssessmentId: z.string().min(1),
    subject: z.enum(PRE_ASSESSMENT_SUBJECTS),
    projectId: z.string().min(1).nullable(),
    policyName: z.string().min(1).max(200).nullable(),
    unitId: z.string().min(1),
    fiscalYear: z.number().int().min(2000).max(2100),
    divisionCode: z.string().regex(/^\d{6}$/),
    ruleProfile: ruleProfileRefSchema,
    passMark: z.number().nonnegative().max(100),
    dimensionMaxPoints: dimensionPoints,
    /**
     * The experts or review centre staff named to score it when it was opened. Each is also granted a
     * PRE_ASSESSMENT assignment (directory), and the assignments decide who may score: later grants
     * and withdrawals are there, not here.
     */
    scorerIds: z.array(z.string().min(1)).min(1),
  }),
});

export const ScoreGiven = defineEvent({
  type: 'ScoreGiven',
  context: 'planning',
  description: '评分已给出 — an expert or the investment review centre scored one dimension of a pre-assessment',
  schemaVersion: 1,
  schema: z.object({
    preAssessmentId: z.string().min(1),
    scorerId: z.string().min(1),
    scorerRole: z.enum(SCORER_ROLES),
    dimension: z.enum(PRE_ASSESSMENT_DIMENSIONS),
    points: z.number().nonnegative().max(100),
    reason: z.string().min(1).max(4000),
  }),
});

export const PreAssessmentConcluded = defineEvent({
  type: 'PreAssessmentConcluded',
  context: 'planning',
  description: '事前绩效评估已出具结论 — the pre-assessment was concluded with its total against the pass mark',
  schemaVersion: 1,
  schema: z.object({
    preAssessmentId: z.string().min(1),
    /** Per dimension: the mean of its scorers' points. */
    dimensionScores: dimensionPoints,
    total: z.number().nonnegative().max(100),
    passMark: z.number().nonnegative().max(100),
    passed: z.boolean(),
    conclusion: z.enum(PRE_ASSESSMENT_CONCLUSIONS),
    report: z.string().min(1).max(20000),
    ruleProfile: ruleProfileRefSchema,
  }),
});

export const projectEvents = [ProjectProposed, ProjectAdmittedToLibrary, BudgetAllocated] as const;
export const preAssessmentEvents = [PreAssessmentOpened, ScoreGiven, PreAssessmentConcluded] as const;
