import type { DataOf, GoalSubmitted, RecordedEvent } from '@jixiao/events';
import { defineProjection, type Versioned } from '../../projection';
import { GoalRowSchema, IndicatorRowSchema, type GoalRow, type IndicatorRow } from './goal.entities';
import { evolveGoalEvent } from './goal.evolve';

export type GoalDoc = Versioned & { goal: Omit<GoalRow, 'streamId' | 'lastVersion'>; indicators: IndicatorRow[] };
export type Indicator = DataOf<typeof GoalSubmitted>['indicators'][number];

/** Pure: one goal event folded into the goal document. */
export function evolveGoal(doc: GoalDoc | null, event: RecordedEvent): GoalDoc | null {
  return evolveGoalEvent(doc, event);
}

/** 绩效目标与指标读模型 — goals and their indicators, as the planning queries read them. */
export const goalsProjection = defineProjection<GoalDoc>({
  name: 'planning.goals',
  handles: [
    'GoalDrafted',
    'GoalSubmitted',
    'IndicatorAdded',
    'IndicatorRevised',
    'IndicatorRemoved',
    'GoalReviewOpinionRecorded',
    'GoalReviewed',
    'GoalIssued',
    'GoalAdjusted',
    'GoalMarkedExemplary',
  ],
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
