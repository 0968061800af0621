import { BigIntType, EntitySchema } from '@mikro-orm/core';

/** 绩效自评通知 — one row per division and year evaluated, with its draw once made. */
export interface SelfEvaluationNoticeRow {
  streamId: string;
  lastVersion: number;
  divisionCode: string;
  fiscalYear: number;
  dueDate: string;
  ruleProfile: { profileId: string; version: number };
  taskCount: number;
  issuedAt: Date;
  /** The due date passed (the scheduler's `EvaluationNoticeDuePassed`): unfilled tasks are overdue from then. */
  duePassed: boolean;
  /** The spot-check draw, once made: its seed, share, the pool and the units drawn. */
  drawSeed: string | null;
  drawPercent: number | null;
  drawPoolUnitIds: string[] | null;
  drawnUnitIds: string[] | null;
  drawnAt: Date | null;
}

/** 自评任务 — one row per task of a notice (a unit's overall expenditure or one of its projects). */
export interface SelfEvaluationTaskRow {
  evaluationId: string;
  /** The notice's stream. */
  streamId: string;
  lastVersion: number;
  divisionCode: string;
  fiscalYear: number;
  unitId: string;
  object: string;
  goalId: string | null;
  projectId: string | null;
  name: string;
  departmentReview: boolean;
  dueDate: string;
}

/** One review of an evaluation: the department's, or the bureau's spot check. */
export interface SelfEvaluationReviewEntry {
  stage: 'DEPARTMENT' | 'SPOT_CHECK';
  submission: number;
  decision: string;
  comment: string;
  decidedAt: string;
  eventId: string;
}

/** One line of a filled sheet: what the unit stated and what it scored (formula with its numbers). */
export interface SelfEvaluationLineEntry {
  indicatorId: string;
  name: string;
  level1: string;
  operator: string;
  target: number | null;
  points: number;
  actual: number | null;
  qualitative: { level: string; percent: number } | null;
  reason: string | null;
  deviationCause: string | null;
  improvementMeasure: string | null;
  part: string;
  scaledPoints: number;
  scaling: { zh: string; en: string };
  awarded: number;
  full: boolean;
  formula: { zh: string; en: string };
}

/** The parts of a score: budget execution and the indicator parts, each with its formula. */
export interface SelfEvaluationPartEntry {
  part: string;
  weight: number;
  profileWeight: number;
  awarded: number;
  formula: { zh: string; en: string };
}

/** 单位自评 — one row per evaluation stream: the draw noted, the latest sheet and its score, the reviews. */
export interface SelfEvaluationRow {
  evaluationId: string;
  streamId: string;
  lastVersion: number;
  unitId: string;
  /** Null while only the draw is noted (the sheet not yet submitted). */
  divisionCode: string | null;
  fiscalYear: number | null;
  object: string | null;
  goalId: string | null;
  projectId: string | null;
  name: string | null;
  departmentReview: boolean | null;
  status: string;
  submission: number;
  /** Null until the draw is noted. */
  drawn: boolean | null;
  late: boolean;
  ruleProfile: { profileId: string; version: number } | null;
  budgetFen: number | null;
  executedFen: number | null;
  budgetExecution: { weight: number; rate: number; awarded: number; formula: { zh: string; en: string } } | null;
  lines: SelfEvaluationLineEntry[];
  parts: SelfEvaluationPartEntry[];
  total: number | null;
  grade: string | null;
  reviews: SelfEvaluationReviewEntry[];
  acceptedBasis: string | null;
  submittedAt: Date | null;
  updatedAt: Date;
}

export const SelfEvaluationNoticeRowSchema = new EntitySchema<SelfEvaluationNoticeRow>({
  name: 'SelfEvaluationNoticeRow',
  tableName: 'rm_self_evaluation_notice',
  indexes: [{ properties: ['fiscalYear', 'divisionCode'] }],
  properties: {
    streamId: { type: 'string', primary: true },
    lastVersion: { type: 'integer' },
    divisionCode: { type: 'string' },
    fiscalYear: { type: 'integer' },
    dueDate: { type: 'string' },
    ruleProfile: { type: 'json' },
    taskCount: { type: 'integer' },
    issuedAt: { type: 'datetime' },
    duePassed: { type: 'boolean' },
    drawSeed: { type: 'string', nullable: true },
    drawPercent: { type: 'double', nullable: true },
    drawPoolUnitIds: { type: 'json', nullable: true },
    drawnUnitIds: { type: 'json', nullable: true },
    drawnAt: { type: 'datetime', nullable: true },
  },
});

export const SelfEvaluationTaskRowSchema = new EntitySchema<SelfEvaluationTaskRow>({
  name: 'SelfEvaluationTaskRow',
  tableName: 'rm_self_evaluation_task',
  indexes: [{ properties: ['fiscalYear', 'unitId'] }],
  properties: {
    evaluationId: { type: 'string', primary: true },
    streamId: { type: 'string', index: true },
    lastVersion: { type: 'integer' },
    divisionCode: { type: 'string' },
    fiscalYear: { type: 'integer' },
    unitId: { type: 'string' },
    object: { type: 'string' },
    goalId: { type: 'string', nullable: true },
    projectId: { type: 'string', nullable: true },
    name: { type: 'string' },
    departmentReview: { type: 'boolean' },
    dueDate: { type: 'string' },
  },
});

export const SelfEvaluationRowSchema = new EntitySchema<SelfEvaluationRow>({
  name: 'SelfEvaluationRow',
  tableName: 'rm_self_evaluation',
  indexes: [{ properties: ['fiscalYear', 'status'] }, { properties: ['unitId', 'fiscalYear'] }],
  properties: {
    evaluationId: { type: 'string', primary: true },
    streamId: { type: 'string', index: true },
    lastVersion: { type: 'integer' },
    unitId: { type: 'string' },
    divisionCode: { type: 'string', nullable: true },
    fiscalYear: { type: 'integer', nullable: true },
    object: { type: 'string', nullable: true },
    goalId: { type: 'string', nullable: true },
    projectId: { type: 'string', nullable: true },
    name: { type: 'string', nullable: true },
    departmentReview: { type: 'boolean', nullable: true },
    status: { type: 'string' },
    submission: { type: 'integer' },
    drawn: { type: 'boolean', nullable: true },
    late: { type: 'boolean' },
    ruleProfile: { type: 'json', nullable: true },
    budgetFen: { type: new BigIntType('number'), nullable: true },
    executedFen: { type: new BigIntType('number'), nullable: true },
    budgetExecution: { type: 'json', nullable: true },
    lines: { type: 'json' },
    parts: { type: 'json' },
    total: { type: 'double', nullable: true },
    grade: { type: 'string', nullable: true },
    reviews: { type: 'json' },
    acceptedBasis: { type: 'string', nullable: true },
    submittedAt: { type: 'datetime', nullable: true },
    updatedAt: { type: 'datetime' },
  },
});
