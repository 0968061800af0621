import { sumFen, type DataOf, type GoalsPublished, type RecordedEvent } from '@jixiao/events';
import { chunks, defineProjection, insertRows, type Versioned } from '../../projection';
import {
  PublishedGoalRowSchema,
  PublishedUnitYearRowSchema,
  type PublishedGoalRow,
  type PublishedUnitYearRow,
} from './published-goals.entities';

/** A unit-year's disclosure stream as the read model holds it: the latest publication and its goals. */
export type PublishedDoc = Versioned & {
  unitYear: Omit<PublishedUnitYearRow, 'streamId' | 'lastVersion'>;
  goals: PublishedGoalRow[];
};

/**
 * Pure: a publication replaces the unit-year's goals with exactly those it published. A goal whose
 * content hash is unchanged keeps the publication and time that first showed it.
 */
export function evolvePublished(doc: PublishedDoc | null, event: RecordedEvent): PublishedDoc | null {
  if (event.type !== 'GoalsPublished') return doc;
  const d = event.data as DataOf<typeof GoalsPublished>;
  const at = new Date(event.recordedAt);
  const before = new Map(doc?.goals.map((g) => [g.goalId, g]));
  const goals = d.goals.map((g, position): PublishedGoalRow => {
    const shown = before.get(g.goalId);
    const same = shown?.contentHash === g.contentHash;
    return {
      goalId: g.goalId,
      streamId: event.streamId,
      unitId: d.unitId,
      unitName: d.unitName,
      fiscalYear: d.fiscalYear,
      position,
      projectCode: g.projectCode,
      projectName: g.projectName,
      term: g.term,
      overallGoal: g.overallGoal,
      amountFen: g.amountFen,
      budgetDocument: g.budgetDocument,
      indicators: g.indicators.map(({ level1, level2, name, operator, targetValue, targetText, unit }) => ({
        level1,
        level2,
        name,
        operator,
        targetValue,
        targetText,
        unit,
      })),
      goalVersion: g.goalVersion,
      contentHash: g.contentHash,
      publication: same ? shown.publication : d.publication,
      publishedAt: same ? shown.publishedAt : at,
    };
  });
  const entry = {
    publication: d.publication,
    publishedAt: event.recordedAt,
    goalCount: goals.length,
    reason: d.reason,
    eventId: event.eventId,
  };
  return {
    streamId: event.streamId,
    lastVersion: event.streamVersion,
    unitYear: {
      unitId: d.unitId,
      unitCode: d.unitCode,
      unitName: d.unitName,
      fiscalYear: d.fiscalYear,
      publication: d.publication,
      goalCount: goals.length,
      totalAmountFen: sumFen(goals.map((g) => g.amountFen)),
      firstPublishedAt: doc?.unitYear.firstPublishedAt ?? at,
      publishedAt: at,
      publications: [...(doc?.unitYear.publications ?? []), entry],
      withheldGoalIds: d.withheldGoalIds,
    },
    goals,
  };
}

/** 公开的绩效目标读模型 — what the public query reads: each unit-year's latest publication, as published. */
export const publishedGoalsProjection = defineProjection<PublishedDoc>({
  name: 'planning.published-goals',
  handles: ['GoalsPublished'],
  entities: [PublishedUnitYearRowSchema, PublishedGoalRowSchema],
  evolve: evolvePublished,
  async loadMany(em, streamIds) {
    const docs = new Map<string, PublishedDoc>();
    for (const ids of chunks(streamIds)) {
      const where = { streamId: { $in: ids } };
      const years = await em.find(PublishedUnitYearRowSchema, where, { disableIdentityMap: true });
      const goals = years.length ? await em.find(PublishedGoalRowSchema, where, { disableIdentityMap: true }) : [];
      for (const { streamId, lastVersion, ...unitYear } of years) {
        const own = goals.filter((g) => g.streamId === streamId).sort((a, b) => a.position - b.position);
        docs.set(streamId, { streamId, lastVersion, unitYear, goals: own });
      }
    }
    return docs;
  },
  async saveMany(em, docs) {
    for (const part of chunks(docs)) {
      const streamIds = part.map((d) => d.streamId);
      await em.nativeDelete(PublishedUnitYearRowSchema, { streamId: { $in: streamIds } });
      await em.nativeDelete(PublishedGoalRowSchema, { streamId: { $in: streamIds } });
    }
    const years = docs.map((d) => ({ ...d.unitYear, streamId: d.streamId, lastVersion: d.lastVersion }));
    await insertRows(em, PublishedUnitYearRowSchema, years);
    await insertRows(
      em,
      PublishedGoalRowSchema,
      docs.flatMap((d) => d.goals),
    );
  },
});
