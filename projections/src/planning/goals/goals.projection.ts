import type { DataOf, GoalReviewed, GoalSubmitted, IndicatorRevised, RecordedEvent } from '@jixiao/events';
import { defineProjection, type Versioned } from '../../projection';
import { GoalRowSchema, IndicatorRowSchema, type GoalRow, type IndicatorRow } from './goal.entities';

export type GoalDoc = Versioned & { goal: Omit<GoalRow, 'streamId' | 'lastVersion'>; indicators: IndicatorRow[] };

type Indicator = DataOf<typeof GoalSubmitted>['indicators'][number];

const toRow = (goalId: string, i: Indicator, position: number, revisionCount = 0): IndicatorRow => ({
  goalId,
  position,
  revisionCount,
  ...i,
});

/** Pure: one goal event folded into the goal document. */
export function evolveGoal(doc: GoalDoc | null, event: RecordedEvent): GoalDoc | null {
  const at = new Date(event.recordedAt);
  switch (event.type) {
    case 'GoalSubmitted': {
      const d = event.data as DataOf<typeof GoalSubmitted>;
      const { indicators, ...header } = d;
      return {
        streamId: event.streamId,
        lastVersion: event.streamVersion,
        goal: {
          ...header,
          status: 'SUBMITTED',
          reviewRounds: 0,
          indicatorCount: indicators.length,
          reviews: [],
          submittedAt: at,
          updatedAt: at,
        },
        indicators: indicators.map((i, n) => toRow(d.goalId, i, n)),
      };
    }
    case 'IndicatorRevised': {
      if (!doc) return doc;
      const d = event.data as DataOf<typeof IndicatorRevised>;
      const indicators = doc.indicators.map((row) =>
        row.indicatorId === d.indicator.indicatorId
          ? toRow(d.goalId, d.indicator, row.position, row.revisionCount + 1)
          : row,
      );
      return { ...doc, goal: { ...doc.goal, updatedAt: at }, indicators };
    }
    case 'GoalReviewed': {
      if (!doc) return doc;
      const d = event.data as DataOf<typeof GoalReviewed>;
      const review = { ...d, reviewedAt: event.recordedAt, eventId: event.eventId };
      const status = d.result === 'APPROVE' ? 'APPROVED' : 'RETURNED';
      return {
        ...doc,
        goal: { ...doc.goal, status, reviewRounds: d.round, reviews: [...doc.goal.reviews, review], updatedAt: at },
      };
    }
    default:
      return doc;
  }
}

/** 绩效目标与指标读模型 — goals and their indicators, as the planning queries read them. */
export const goalsProjection = defineProjection<GoalDoc>({
  name: 'planning.goals',
  handles: ['GoalSubmitted', 'IndicatorRevised', 'GoalReviewed'],
  entities: [GoalRowSchema, IndicatorRowSchema],
  evolve: evolveGoal,
  async load(em, streamId) {
    const goal = await em.findOne(GoalRowSchema, { streamId });
    if (!goal) return null;
    const indicators = await em.find(IndicatorRowSchema, { goalId: goal.goalId }, { orderBy: { position: 'asc' } });
    const { streamId: _s, lastVersion, ...rest } = goal;
    return { streamId, lastVersion, goal: rest, indicators: indicators.map((i) => ({ ...i })) };
  },
  async save(em, doc) {
    await em.upsert(GoalRowSchema, { ...doc.goal, streamId: doc.streamId, lastVersion: doc.lastVersion } as GoalRow);
    await em.nativeDelete(IndicatorRowSchema, { goalId: doc.goal.goalId });
    if (doc.indicators.length) await em.insertMany(IndicatorRowSchema, doc.indicators);
  },
});
