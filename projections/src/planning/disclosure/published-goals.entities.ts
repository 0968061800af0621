import { BigIntType, EntitySchema } from '@mikro-orm/core';

/** One publication of a unit-year, as the public list of publications shows it. */
export interface PublicationEntry {
  publication: number;
  publishedAt: string;
  goalCount: number;
  /** Why it was published again (empty for the first). */
  reason: string;
  eventId: string;
}

/** 已公开的单位年度 — one row per unit and year with a publication: its latest one. */
export interface PublishedUnitYearRow {
  streamId: string;
  lastVersion: number;
  unitId: string;
  unitCode: string;
  unitName: string;
  fiscalYear: number;
  /** The latest publication's number (1, 2, …). */
  publication: number;
  goalCount: number;
  /** Whole fen: the published goals' amounts added up. */
  totalAmountFen: number;
  firstPublishedAt: Date;
  publishedAt: Date;
  publications: PublicationEntry[];
  /** Issued goals the latest publication left out: their project had no budget allocated yet. */
  withheldGoalIds: string[];
}

/** A published indicator: what is measured and the target, as published. */
export interface PublishedIndicatorEntry {
  level1: string;
  level2: string;
  name: string;
  operator: string;
  targetValue: number | null;
  targetText: string | null;
  unit: string;
}

/** 已公开的绩效目标 — one row per goal of the latest publication of its unit-year, exactly as published. */
export interface PublishedGoalRow {
  goalId: string;
  streamId: string;
  unitId: string;
  unitName: string;
  fiscalYear: number;
  /** Its place in the publication (project order). */
  position: number;
  projectCode: string;
  projectName: string;
  term: string;
  overallGoal: string;
  amountFen: number;
  budgetDocument: string;
  indicators: PublishedIndicatorEntry[];
  goalVersion: number;
  contentHash: string;
  /** The publication that first showed this content, and when: a goal unchanged since keeps both. */
  publication: number;
  publishedAt: Date;
}

export const PublishedUnitYearRowSchema = new EntitySchema<PublishedUnitYearRow>({
  name: 'PublishedUnitYearRow',
  tableName: 'rm_published_unit_year',
  indexes: [{ properties: ['fiscalYear', 'unitName'] }],
  properties: {
    streamId: { type: 'string', primary: true },
    lastVersion: { type: 'integer' },
    unitId: { type: 'string' },
    unitCode: { type: 'string' },
    unitName: { type: 'string' },
    fiscalYear: { type: 'integer' },
    publication: { type: 'integer' },
    goalCount: { type: 'integer' },
    totalAmountFen: { type: new BigIntType('number') },
    firstPublishedAt: { type: 'datetime' },
    publishedAt: { type: 'datetime' },
    publications: { type: 'json' },
    withheldGoalIds: { type: 'json' },
  },
});

export const PublishedGoalRowSchema = new EntitySchema<PublishedGoalRow>({
  name: 'PublishedGoalRow',
  tableName: 'rm_published_goal',
  // the public page: a year, perhaps one unit, in publication order
  indexes: [{ properties: ['fiscalYear', 'unitId', 'position'] }],
  properties: {
    goalId: { type: 'string', primary: true },
    streamId: { type: 'string', index: true },
    unitId: { type: 'string' },
    unitName: { type: 'string' },
    fiscalYear: { type: 'integer' },
    position: { type: 'integer' },
    projectCode: { type: 'string' },
    projectName: { type: 'string' },
    term: { type: 'string' },
    overallGoal: { type: 'text' },
    amountFen: { type: new BigIntType('number') },
    budgetDocument: { type: 'string' },
    indicators: { type: 'json' },
    goalVersion: { type: 'integer' },
    contentHash: { type: 'string' },
    publication: { type: 'integer' },
    publishedAt: { type: 'datetime' },
  },
});
