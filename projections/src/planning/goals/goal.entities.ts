import { EntitySchema } from '@mikro-orm/core';

/** 绩效目标读模型 — one row per goal. */
export interface GoalRow {
  goalId: string;
  streamId: string;
  lastVersion: number;
  unitId: string;
  projectCode: string;
  projectName: string;
  fiscalYear: number;
  divisionCode: string;
  term: string;
  overallGoal: string;
  amount: number;
  status: string;
  reviewRounds: number;
  indicatorCount: number;
  reviews: GoalReviewEntry[];
  submittedAt: Date;
  updatedAt: Date;
}

export interface GoalReviewEntry {
  round: number;
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
  indexes: [{ properties: ['unitId', 'fiscalYear'] }, { properties: ['status'] }],
  properties: {
    goalId: { type: 'string', primary: true },
    streamId: { type: 'string' },
    lastVersion: { type: 'integer' },
    unitId: { type: 'string' },
    projectCode: { type: 'string' },
    projectName: { type: 'string' },
    fiscalYear: { type: 'integer' },
    divisionCode: { type: 'string' },
    term: { type: 'string' },
    overallGoal: { type: 'text' },
    amount: { type: 'double' },
    status: { type: 'string' },
    reviewRounds: { type: 'integer' },
    indicatorCount: { type: 'integer' },
    reviews: { type: 'json' },
    submittedAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

export const IndicatorRowSchema = new EntitySchema<IndicatorRow>({
  name: 'IndicatorRow',
  tableName: 'rm_indicator',
  indexes: [{ properties: ['level1', 'level2'] }],
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
