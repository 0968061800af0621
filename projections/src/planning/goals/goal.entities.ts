import { BigIntType, EntitySchema } from '@mikro-orm/core';

/** 绩效目标读模型 — one row per goal. */
export interface GoalRow {
  goalId: string;
  streamId: string;
  lastVersion: number;
  /** Null only for goals of schema v1, submitted before projects existed. */
  projectId: string | null;
  unitId: string;
  projectCode: string;
  projectName: string;
  fiscalYear: number;
  divisionCode: string;
  term: string;
  overallGoal: string;
  /** Whole fen (分). */
  amountFen: number;
  status: string;
  /** Times submitted; the current review round. */
  reviewRounds: number;
  /** Reviews decided (department and finance stages), for the year-end figures. */
  reviewCount: number;
  /** Times the goal was returned (by either stage). */
  returnCount: number;
  indicatorCount: number;
  departmentReview: boolean;
  reviews: GoalReviewEntry[];
  opinions: GoalOpinionEntry[];
  /** Roles and reviewers that gave an opinion in the current round, as `,A,B,` for LIKE filters. */
  opinionRoles: string;
  opinionReviewers: string;
  exemplary: boolean;
  exemplaryReason: string | null;
  adjustmentCount: number;
  adjustments: GoalAdjustmentEntry[];
  budgetDocument: string | null;
  issuedAmountFen: number | null;
  copiedFromGoalId: string | null;
  ruleProfile: { profileId: string; version: number } | null;
  createdAt: Date;
  submittedAt: Date | null;
  updatedAt: Date;
}

export interface GoalOpinionEntry {
  round: number;
  reviewerRole: string;
  reviewerId: string;
  opinion: string;
  comment: string;
  indicatorComments: { indicatorId: string; comment: string }[];
  recordedAt: string;
  eventId: string;
}

export interface GoalAdjustmentEntry {
  adjustmentCount: number;
  budgetAdjustmentRef: string;
  reason: string;
  amountFen: number;
  adjustedAt: string;
  eventId: string;
}

export interface GoalReviewEntry {
  round: number;
  stage: string;
  reviewerRole: string;
  result: string;
  comment: string;
  indicatorComments: { indicatorId: string; comment: string }[];
  reviewedAt: string;
  eventId: string;
}

/** 绩效指标读模型 — one row per indicator of a goal. */
export interface IndicatorRow {
  goalId: string;
  indicatorId: string;
  position: number;
  level1: string;
  level2: string;
  name: string;
  operator: string;
  targetValue: number | null;
  targetText: string | null;
  unit: string;
  points: number;
  basis: string;
  core: boolean;
  templateId: string | null;
  revisionCount: number;
}

export const GoalRowSchema = new EntitySchema<GoalRow>({
  name: 'GoalRow',
  tableName: 'rm_goal',
  // pages are newest first: (status, updatedAt) and (updatedAt) let a page walk an index instead of
  // sorting every goal of a city-year; (projectId, status) answers "has an approved goal" per
  // project (coverage, library gate) from the index alone. A year's list walks (fiscalYear, updatedAt)
  // (without it SQLite took (fiscalYear, exemplary) and sorted all 34k goals of tianmen for every
  // page: 1.1 s a page instead of 20 ms); a unit's or department's list of the year takes
  // (fiscalYear, unitId, updatedAt), which SQLite prefers to walking the whole year
  indexes: [
    { properties: ['fiscalYear', 'updatedAt'] },
    { properties: ['fiscalYear', 'unitId', 'updatedAt'] },
    { properties: ['unitId', 'fiscalYear'] },
    { properties: ['status', 'updatedAt'] },
    { properties: ['updatedAt'] },
    { properties: ['projectId', 'status'] },
    { properties: ['fiscalYear', 'exemplary'] },
  ],
  properties: {
    goalId: { type: 'string', primary: true },
    // projections load their document by stream id: without an index every event of a rebuild scans the table
    streamId: { type: 'string', index: true },
    lastVersion: { type: 'integer' },
    projectId: { type: 'string', nullable: true },
    unitId: { type: 'string' },
    projectCode: { type: 'string' },
    projectName: { type: 'string' },
    fiscalYear: { type: 'integer' },
    divisionCode: { type: 'string' },
    term: { type: 'string' },
    overallGoal: { type: 'text' },
    amountFen: { type: new BigIntType('number') },
    status: { type: 'string' },
    reviewRounds: { type: 'integer' },
    reviewCount: { type: 'integer' },
    returnCount: { type: 'integer' },
    indicatorCount: { type: 'integer' },
    departmentReview: { type: 'boolean' },
    reviews: { type: 'json' },
    opinions: { type: 'json' },
    opinionRoles: { type: 'string' },
    opinionReviewers: { type: 'text' },
    exemplary: { type: 'boolean' },
    exemplaryReason: { type: 'text', nullable: true },
    adjustmentCount: { type: 'integer' },
    adjustments: { type: 'json' },
    budgetDocument: { type: 'string', nullable: true },
    issuedAmountFen: { type: new BigIntType('number'), nullable: true },
    copiedFromGoalId: { type: 'string', nullable: true },
    ruleProfile: { type: 'json', nullable: true },
    createdAt: { type: 'datetime' },
    submittedAt: { type: 'datetime', nullable: true },
    updatedAt: { type: 'datetime' },
  },
});

export const IndicatorRowSchema = new EntitySchema<IndicatorRow>({
  name: 'IndicatorRow',
  tableName: 'rm_indicator',
  indexes: [{ properties: ['level1', 'level2'] }, { properties: ['templateId'] }],
  properties: {
    goalId: { type: 'string', primary: true },
    indicatorId: { type: 'string', primary: true },
    position: { type: 'integer' },
    level1: { type: 'string' },
    level2: { type: 'string' },
    name: { type: 'string' },
    operator: { type: 'string' },
    targetValue: { type: 'double', nullable: true },
    targetText: { type: 'text', nullable: true },
    unit: { type: 'string' },
    points: { type: 'double' },
    basis: { type: 'string' },
    core: { type: 'boolean' },
    templateId: { type: 'string', nullable: true },
    revisionCount: { type: 'integer' },
  },
});
