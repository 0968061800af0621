import type { DataOf, GoalSubmitted, RecordedEvent } from '@jixiao/events';
import { chunks, defineProjection, insertRows, type Versioned } from '../../projection';
import { GoalRowSchema, IndicatorRowSchema, type GoalRow, type IndicatorRow } from './goal.entities';
import { evolveGoalEvent } from './goal.evolve';

export type GoalDoc = Versioned & { goal: Omit<GoalRow, 'streamId' | 'lastVersion'>; indicators: IndicatorRow[] };
export type Indicator = DataOf<typeof GoalSubmitted>['indicators'][number];

/** Indicator lists exactly as loaded: `evolve` keeps the same array when an event leaves them alone. */
const storedIndicators = new WeakSet<IndicatorRow[]>();

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
  async loadMany(em, streamIds) {
    const docs = new Map<string, GoalDoc>();
    for (const ids of chunks(streamIds)) {
      const goals = await em.find(GoalRowSchema, { streamId: { $in: ids } }, { disableIdentityMap: true });
      const indicators = goals.length
        ? await em.find(
            IndicatorRowSchema,
            { goalId: { $in: goals.map((g) => g.goalId) } },
            { disableIdentityMap: true },
          )
        : [];
      const byGoal = new Map<string, IndicatorRow[]>();
      for (const i of indicators) {
        const list = byGoal.get(i.goalId) ?? [];
        if (list.length === 0) byGoal.set(i.goalId, list);
        list.push({ ...i });
      }
      for (const { streamId, lastVersion, ...goal } of goals) {
        const list = (byGoal.get(goal.goalId) ?? []).sort((x, y) => x.position - y.position);
        storedIndicators.add(list);
        docs.set(streamId, { streamId, lastVersion, goal, indicators: list });
      }
    }
    return docs;
  },
  async saveMany(em, docs) {
    // replaced by primary key, as an upsert would, without the ORM reading every row back
    for (const part of chunks(docs)) {
      await em.nativeDelete(GoalRowSchema, { goalId: { $in: part.map((d) => d.goal.goalId) } });
    }
    await insertRows(
      em,
      GoalRowSchema,
      docs.map((d) => ({ ...d.goal, streamId: d.streamId, lastVersion: d.lastVersion }) as GoalRow),
    );
    // most goal events (opinions, reviews, issue) leave the indicators as loaded: only rewrite changed ones
    const rewritten = docs.filter((d) => !storedIndicators.has(d.indicators));
    for (const part of chunks(rewritten)) {
      await em.nativeDelete(IndicatorRowSchema, { goalId: { $in: part.map((d) => d.goal.goalId) } });
    }
    await insertRows(
      em,
      IndicatorRowSchema,
      rewritten.flatMap((d) => d.indicators),
    );
  },
});
