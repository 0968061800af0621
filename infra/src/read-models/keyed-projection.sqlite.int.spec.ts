import { catalog } from '@jixiao/contexts';
import type { MikroORM } from '@mikro-orm/core';
import type { NewEvent } from '@jixiao/events';
import { sampleEvent } from '@jixiao/events';
import {
  applyBatch,
  goalCountsProjection,
  GoalCountRowSchema,
  goalsProjection,
  ProjectionRunner,
  ProjectionStreamSchema,
  unitsProjection,
  type Projection,
} from '@jixiao/projections';
import type { SqliteEventStore } from '../event-store';
import { streamVersionWaiter } from '../distributed/read-your-writes';
import { openSqliteWorkspace, type SqliteWorkspace } from '../testing/sqlite';
import { goalSubmitted, indicatorRevised } from '../testing/goal-events';

const actor = { actorId: 't', role: 'ADMIN' };

/** The goal submitted again under another fiscal year: it leaves the counts of its first year. */
const resubmittedFor = (goalId: string, fiscalYear: number): NewEvent => {
  const e = goalSubmitted(goalId);
  return { ...e, data: { ...(e.data as object), fiscalYear, submission: 2 } };
};

describe('a keyed projection (goal counts per unit and year) on SQLite', () => {
  let workspace: SqliteWorkspace;
  let store: SqliteEventStore;
  let orm: MikroORM;
  beforeEach(async () => {
    workspace = await openSqliteWorkspace('jixiao-keyed-');
    ({ store, orm } = workspace);
  });
  afterEach(() => workspace.close());

  const countsOf = async () =>
    Object.fromEntries(
      (await orm.em.fork().find(GoalCountRowSchema, {}, { orderBy: { key: 'asc' } })).map((c) => [c.key, c.counts]),
    );

  it('feeds one document from several goal streams, exactly once however often a batch comes again', async () => {
    for (const id of ['g1', 'g2', 'g3']) {
      await store.appendToStream(`goal-${id}`, [goalSubmitted(id)], { expectedVersion: 0, metadata: actor });
    }
    await store.appendToStream('goal-g1', [indicatorRevised('g1', 2)], { expectedVersion: 1, metadata: actor });
    const all = await store.readAll();
    for (let twice = 0; twice < 2; twice++) await applyBatch(orm.em, goalCountsProjection, catalog, all);
    // and in pieces, overlapping what was applied
    await applyBatch(orm.em, goalCountsProjection, catalog, all.slice(1, 3));
    expect(await countsOf()).toEqual({ 'u-test|2026': { FINANCE_REVIEW: 3 } });
    const records = await orm.em.fork().find(ProjectionStreamSchema, {}, { orderBy: { streamId: 'asc' } });
    expect(records.map((r) => [r.projection, r.streamId, r.lastVersion])).toEqual([
      ['planning.goal-counts', 'goal-g1', 2],
      ['planning.goal-counts', 'goal-g2', 1],
      ['planning.goal-counts', 'goal-g3', 1],
    ]);
  });

  it('deletes a document its last goal left, and the distributed wait still sees the event applied', async () => {
    const wait = streamVersionWaiter({ em: () => orm.em.fork(), projections: [goalCountsProjection], pollMs: 5 });
    const first = await store.appendToStream('goal-g1', [goalSubmitted('g1')], { expectedVersion: 0, metadata: actor });
    await applyBatch(orm.em, goalCountsProjection, catalog, first.events);
    expect(await countsOf()).toEqual({ 'u-test|2026': { FINANCE_REVIEW: 1 } });
    const moved = await store.appendToStream('goal-g1', [resubmittedFor('g1', 2027)], {
      expectedVersion: 1,
      metadata: actor,
    });
    expect(await wait(moved.events, 30)).toBe(false);
    const late = wait(moved.events, 5000);
    await applyBatch(orm.em, goalCountsProjection, catalog, moved.events);
    expect(await late).toBe(true);
    // the document of 2026 is gone: waiting on it would have timed out
    expect(await countsOf()).toEqual({ 'u-test|2027': { FINANCE_REVIEW: 1 } });
  });

  it('lets a command wait only for the projections that handle its events (embedded runner)', async () => {
    // a projection that handles goal events and cannot apply any (its table unreachable): never caught up
    const stuck: Projection = {
      ...goalsProjection,
      name: 'stuck',
      async loadMany() {
        throw new Error('read model unavailable');
      },
    };
    const runner = new ProjectionRunner({
      store,
      orm,
      catalog,
      projections: [unitsProjection, goalCountsProjection, stuck],
      retryDelayMs: 20,
      onError: () => undefined,
    });
    await runner.start();
    try {
      const goal = await store.appendToStream('goal-g1', [goalSubmitted('g1')], {
        expectedVersion: 0,
        metadata: actor,
      });
      const unit = await store.appendToStream('unit-u1', [sampleEvent(1)], { expectedVersion: 0, metadata: actor });
      // the stuck projection is behind the unit's event, but does not handle it: the unit's command answers at once
      expect(await runner.waitFor(unit.events, 2000)).toBe(true);
      // a goal's command waits for every projection of goal events, the stuck one too
      expect(await runner.waitFor(goal.events, 200)).toBe(false);
      expect(runner.awaitedBy(goal.events)).toEqual(
        new Map([
          ['planning.goal-counts', goal.events[0]],
          ['stuck', goal.events[0]],
        ]),
      );
      // caughtUp (one point of the commit order) still waits for all of them
      expect(await runner.waitFor(unit.events[0]!, 200)).toBe(false);
      expect(await countsOf()).toEqual({ 'u-test|2026': { FINANCE_REVIEW: 1 } });
    } finally {
      await runner.stop();
    }
  });
});
