import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { APPROVED_GOAL_STATUSES, type RecordedEvent } from '@jixiao/events';
import { defineKeyedProjection, type KeyedContext } from '../../keyed';
import { chunks, insertRows } from '../../projection';
import { goalStatusAfter } from '../goals/goal.status';
import { goalsProjection } from '../goals/goals.projection';
import { GoalCountRowSchema, type GoalCountRow } from './goal-counts.entities';

/**
 * What the projection remembers of one goal stream: where the goal is counted and as what.
 *
 * Only `GoalDrafted` and `GoalSubmitted` carry the unit and year; a later `GoalReviewed` does
 * not. Two ways to find its document were open: a map goalId → status inside every document, or
 * this memo per goal stream, kept in the stream records beside the last version applied. The memo
 * wins: the stream's record is read anyway (exactly-once), so finding the key costs no extra read;
 * a document stays a handful of counts instead of growing with every goal of a unit's year (a
 * large unit has thousands, rewritten on each review); and a goal that moves (resubmitted under
 * another unit or year) is taken off one document and put on the other.
 */
export interface GoalCountMemo {
  unitId: string;
  fiscalYear: number;
  projectId: string | null;
  status: string;
}

const keyOf = (m: { unitId: string; fiscalYear: number }) => `${m.unitId}|${m.fiscalYear}`;
const APPROVED: ReadonlySet<string> = new Set(APPROVED_GOAL_STATUSES);

/** Pure: the memo of a goal stream after one of its events (null until the goal exists). */
export function rememberGoal(memo: GoalCountMemo | null, event: RecordedEvent): GoalCountMemo | null {
  if (event.type === 'GoalDrafted' || event.type === 'GoalSubmitted') {
    const d = event.data as { unitId: string; fiscalYear: number; projectId?: string | null };
    const status = goalStatusAfter(memo?.status ?? null, event)!;
    return { unitId: d.unitId, fiscalYear: d.fiscalYear, projectId: d.projectId ?? null, status };
  }
  if (!memo) return null;
  const status = goalStatusAfter(memo.status, event)!;
  return status === memo.status ? memo : { ...memo, status };
}

const same = (a: GoalCountMemo | null, b: GoalCountMemo | null) =>
  a === b ||
  (!!a &&
    !!b &&
    a.unitId === b.unitId &&
    a.fiscalYear === b.fiscalYear &&
    a.projectId === b.projectId &&
    a.status === b.status);

/** The documents an event changes: the goal's place before it and after it, none when it stays put. */
export function goalCountKeys(event: RecordedEvent, memo: GoalCountMemo | null): string[] {
  const after = rememberGoal(memo, event);
  if (same(memo, after)) return [];
  return [...new Set([memo, after].flatMap((m) => (m ? [keyOf(m)] : [])))];
}

/** Pure: the counts of one unit and year after a goal left its place `before` and took `after`; null once empty. */
export function evolveGoalCount(
  doc: GoalCountRow | null,
  _event: RecordedEvent,
  { key, before, after }: KeyedContext<GoalCountMemo>,
): GoalCountRow | null {
  const place = [before, after].find((m) => m && keyOf(m) === key)!;
  const counts = { ...doc?.counts };
  const byProject = { ...doc?.approvedByProject };
  const tally = (m: GoalCountMemo, n: number) => {
    counts[m.status] = (counts[m.status] ?? 0) + n;
    if (counts[m.status] === 0) delete counts[m.status];
    if (!APPROVED.has(m.status) || m.projectId === null) return;
    byProject[m.projectId] = (byProject[m.projectId] ?? 0) + n;
    if (byProject[m.projectId] === 0) delete byProject[m.projectId];
  };
  if (before && keyOf(before) === key) tally(before, -1);
  if (after && keyOf(after) === key) tally(after, 1);
  const goals = Object.values(counts).reduce((a, b) => a + b, 0);
  if (goals === 0) return null;
  return {
    key,
    unitId: place.unitId,
    fiscalYear: place.fiscalYear,
    counts,
    goals,
    approvedGoals: APPROVED_GOAL_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0),
    projectsWithApprovedGoal: Object.keys(byProject).length,
    approvedByProject: byProject,
  };
}

/** The same object with its keys sorted: stored JSON that does not depend on the order events came in. */
const sorted = (o: Record<string, number>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * 目标状态统计读模型 — per budget unit and fiscal year, goals by status and the projects with an
 * approved goal (what `goalCoverage` reads). Keyed by `unitId|fiscalYear`, fed by every goal stream
 * of that unit and year. It handles every goal event, even those that change no count: a stream's
 * record then moves with each of its events, and a Kafka worker never mistakes an indicator event
 * it skipped for a version gap to fill from the store.
 */
export const goalCountsProjection = defineKeyedProjection<GoalCountRow, GoalCountMemo>({
  name: 'planning.goal-counts',
  // every goal event, as the goals projection: a Kafka worker must not take a skipped type for a gap
  handles: goalsProjection.handles,
  entities: [GoalCountRowSchema],
  keysOf: goalCountKeys,
  remember: rememberGoal,
  evolve: evolveGoalCount,
  async loadMany(em, keys) {
    const found = new Map<string, GoalCountRow>();
    for (const part of chunks(keys)) {
      const rows = await em.find(GoalCountRowSchema, { key: { $in: part } }, { disableIdentityMap: true });
      for (const row of rows) found.set(row.key, row);
    }
    return found;
  },
  async saveMany(em, docs) {
    await deleteCounts(
      em,
      docs.map((d) => d.key),
    );
    const rows = docs.map((d) => ({ ...d, counts: sorted(d.counts), approvedByProject: sorted(d.approvedByProject) }));
    await insertRows(em, GoalCountRowSchema, rows);
  },
  deleteMany: deleteCounts,
});

async function deleteCounts(em: EntityManager, keys: readonly string[]): Promise<void> {
  for (const part of chunks(keys)) {
    await em.nativeDelete(GoalCountRowSchema, { key: { $in: part } } as FilterQuery<GoalCountRow>);
  }
}
