import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../hash';
import { fenSchema } from '../money';
import { defineEvent } from '../catalog/define';
import { GOAL_STATUSES, GOAL_TERMS, indicatorSchema } from './goal';

/**
 * Statuses in which a goal went out with the budget reply (批复) and so may be published (公开):
 * issued, or issued and later adjusted through a budget adjustment.
 */
export const ISSUED_GOAL_STATUSES = ['ISSUED', 'ADJUSTED'] as const satisfies readonly (typeof GOAL_STATUSES)[number][];

/** An indicator as the public reads it: what is measured and the target, not points, basis or sources. */
export const publishedIndicatorSchema = indicatorSchema.pick({
  level1: true,
  level2: true,
  name: true,
  operator: true,
  targetValue: true,
  targetText: true,
  unit: true,
});

/** What the public reads of one goal; its content hash is over exactly these fields. */
export const publishedContentSchema = z.object({
  projectCode: z.string().min(1).max(64),
  projectName: z.string().min(1).max(200),
  term: z.enum(GOAL_TERMS),
  overallGoal: z.string().min(1).max(4000),
  /** The amount in force: as issued, or as last adjusted. */
  amountFen: fenSchema,
  /** The budget reply (批复) it was issued with. */
  budgetDocument: z.string().min(1).max(200),
  indicators: z.array(publishedIndicatorSchema).min(1),
});

/** The published content of a goal, as its schema has it. */
export type PublishedContentData = z.infer<typeof publishedContentSchema>;

/**
 * A goal's content hash: SHA-256 (hex) of the RFC 8785 canonical JSON of exactly the published
 * fields, so anyone holding the published text can recompute it, and a changed goal hashes anew.
 */
export function publishedContentHash(content: PublishedContentData): string {
  const { projectCode, projectName, term, overallGoal, amountFen, budgetDocument, indicators } = content;
  const shown = indicators.map(({ level1, level2, name, operator, targetValue, targetText, unit }) => ({
    level1,
    level2,
    name,
    operator,
    targetValue,
    targetText,
    unit,
  }));
  const fields = { projectCode, projectName, term, overallGoal, amountFen, budgetDocument, indicators: shown };
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

const publishedGoalSchema = publishedContentSchema.extend({
  goalId: z.string().min(1),
  /** The goal stream's version the content was read at: the goal as it stood when published. */
  goalVersion: z.number().int().positive(),
  /** SHA-256 (hex) of the RFC 8785 canonical JSON of the published content. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
});

export const GoalsPublished = defineEvent({
  type: 'GoalsPublished',
  context: 'planning',
  description:
    '绩效目标已公开 — the performance section published a unit-year’s goals issued with an approved budget, as the public reads them',
  schemaVersion: 1,
  schema: z.object({
    unitId: z.string().min(1),
    /** The unit's code and name as published (the public page names the unit as it was then). */
    unitCode: z.string().min(1).max(64),
    unitName: z.string().min(1).max(200),
    fiscalYear: z.number().int().min(2000).max(2100),
    /** 1 for the first publication of the unit-year, + 1 for each later one (goals issued or adjusted since). */
    publication: z.number().int().positive(),
    /** Every goal of the unit-year that is published now, in the order shown: the whole publication, not a change. */
    goals: z.array(publishedGoalSchema).min(1),
    /** Issued goals left out because their project has no budget allocated for the year yet. */
    withheldGoalIds: z.array(z.string().min(1)),
    /** Why it is published again (required from the second publication on); may be empty for the first. */
    reason: z.string().max(2000),
  }),
});

/** The events of a `disclosure-<unitId>-<fiscalYear>` stream. */
export const disclosureEvents = [GoalsPublished] as const;
