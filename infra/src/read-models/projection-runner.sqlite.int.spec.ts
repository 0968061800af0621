import { catalog } from '@jixiao/contexts';
import type { MikroORM } from '@mikro-orm/core';
import { sampleEvent } from '@jixiao/events';
import {
  applyBatch,
  goalsProjection,
  GoalRowSchema,
  IndicatorRowSchema,
  ProjectionCheckpointSchema,
  ProjectionRunner,
  unitsProjection,
  UnitRowSchema,
  type Projection,
} from '@jixiao/projections';
import type { SqliteEventStore } from '../event-store';
import { openSqliteWorkspace, type SqliteWorkspace } from '../testing/sqlite';
import { goalReturned, goalSubmitted, indicatorRevised } from '../testing/goal-events';

const actor = { actorId: 't', role: 'ADMIN' };

describe('projection runner on SQLite', () => {
  let workspace: SqliteWorkspace;
  let store: SqliteEventStore;
  let orm: MikroORM;
  beforeEach(async () => {
    workspace = await openSqliteWorkspace('jixiao-proj-');
    ({ store, orm } = workspace);
  });
  afterEach(() => workspace.close());

  it('projects events into rows and moves the checkpoint, then follows live appends', async () => {
    for (let i = 0; i < 3; i++)
      await store.appendToStream(`unit-u${i}`, [sampleEvent(i)], { expectedVersion: 0, metadata: actor });
    const runner = new ProjectionRunner({ store, orm, catalog, projections: [unitsProjection] });
    await runner.start();
    const live = await store.appendToStream('unit-u9', [sampleEvent(9)], { expectedVersion: 0, metadata: actor });
    expect(await runner.waitFor(live.events[0]!)).toBe(true);
    await runner.stop();
    const em = orm.em.fork();
    expect(await em.count(UnitRowSchema)).toBe(4);
    const cp = await em.findOneOrFail(ProjectionCheckpointSchema, { name: 'directory.units' });
    expect(cp.globalPosition).toBe(live.events[0]!.globalPosition);
    expect(await em.count(GoalRowSchema)).toBe(0);
  });

  it('reports each applied batch after its commit, with the events the projection handles only', async () => {
    const reports: { projection: string; events: string[]; rows: number }[] = [];
    const runner = new ProjectionRunner({
      store,
      orm,
      catalog,
      projections: [unitsProjection],
      // the read model already shows what is reported: a live subscription reads it next
      onApplied: (projection, events) =>
        void orm.em
          .fork()
          .count(UnitRowSchema)
          .then((rows) =>
            reports.push({ projection, events: events.map((e) => `${e.streamId}@${e.streamVersion}`), rows }),
          ),
    });
    await runner.start();
    await store.appendToStream('goal-g1', [goalSubmitted('g1')], { expectedVersion: 0, metadata: actor });
    const live = await store.appendToStream('unit-u7', [sampleEvent(7)], { expectedVersion: 0, metadata: actor });
    expect(await runner.waitFor(live.events[0]!)).toBe(true);
    await runner.stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(reports).toEqual([{ projection: 'directory.units', events: ['unit-u7@1'], rows: 1 }]);
  });

  it('changes nothing when a batch is applied twice', async () => {
    await store.appendToStream('unit-a', [sampleEvent(1)], { expectedVersion: 0, metadata: actor });
    const batch = await store.readAll();
    await applyBatch(orm.em, unitsProjection, catalog, batch);
    const before = await orm.em.fork().findOneOrFail(UnitRowSchema, { unitId: 'u1' });
    await applyBatch(orm.em, unitsProjection, catalog, batch);
    const after = await orm.em.fork().findOneOrFail(UnitRowSchema, { unitId: 'u1' });
    expect(after).toEqual(before);
    expect(await orm.em.fork().count(UnitRowSchema)).toBe(1);
  });

  it('leaves rows and checkpoint together when saving fails mid-batch (crash inside the transaction)', async () => {
    await store.appendToStream('unit-a', [sampleEvent(1)], { expectedVersion: 0, metadata: actor });
    await store.appendToStream('unit-b', [sampleEvent(2)], { expectedVersion: 0, metadata: actor });
    const crashing: Projection = {
      ...(unitsProjection as unknown as Projection),
      // the first document is written, then the process dies before the second
      async saveMany(em, docs) {
        await unitsProjection.saveMany(em, docs.slice(0, 1) as never);
        throw new Error('process killed');
      },
    };
    await expect(applyBatch(orm.em, crashing, catalog, await store.readAll())).rejects.toThrow('process killed');
    const em = orm.em.fork();
    expect(await em.count(UnitRowSchema)).toBe(0);
    expect(await em.findOne(ProjectionCheckpointSchema, { name: 'directory.units' })).toBeNull();
  });

  it('loads and saves a batch set-based, yet skips every version a document has already applied', async () => {
    await store.appendToStream('unit-a', [sampleEvent(1)], { expectedVersion: 0, metadata: actor });
    await store.appendToStream('goal-g', [goalSubmitted('g')], { expectedVersion: 0, metadata: actor });
    const first = await store.readAll();
    for (const p of [unitsProjection, goalsProjection]) await applyBatch(orm.em, p as Projection, catalog, first);
    await store.appendToStream('unit-b', [sampleEvent(2)], { expectedVersion: 0, metadata: actor });
    await store.appendToStream('goal-g', [indicatorRevised('g', 2), indicatorRevised('g', 3)], {
      expectedVersion: 1,
      metadata: actor,
    });
    await store.appendToStream('goal-g', [goalReturned('g', 1)], { expectedVersion: 3, metadata: actor });
    // one batch replays what was applied and brings what is new, several streams and versions mixed
    const all = await store.readAll();
    for (let twice = 0; twice < 2; twice++) {
      for (const p of [unitsProjection, goalsProjection]) await applyBatch(orm.em, p as Projection, catalog, all);
    }
    const em = orm.em.fork();
    expect((await em.find(UnitRowSchema, {}, { orderBy: { unitId: 'asc' } })).map((u) => u.unitId)).toEqual([
      'u1',
      'u2',
    ]);
    const goal = await em.findOneOrFail(GoalRowSchema, { goalId: 'g' });
    expect([goal.lastVersion, goal.status, goal.reviews.length]).toEqual([4, 'RETURNED', 1]);
    // indicator g-i0 revised once (v2), g-i1 once (v3); a replay would count them again
    const indicators = await em.find(IndicatorRowSchema, { goalId: 'g' }, { orderBy: { position: 'asc' } });
    expect(indicators.map((i) => [i.indicatorId, i.revisionCount, i.targetValue])).toEqual([
      ['g-i0', 1, 12],
      ['g-i1', 1, 13],
    ]);
  });

  it('keeps feeding the other projections while one fails, and lets the failing one catch up on its own', async () => {
    for (let i = 0; i < 3; i++)
      await store.appendToStream(`unit-u${i}`, [sampleEvent(i)], { expectedVersion: 0, metadata: actor });
    let failures = 2;
    const flaky: Projection = {
      ...(goalsProjection as unknown as Projection),
      name: 'flaky',
      handles: ['BudgetUnitRegistered'],
      evolve: () => null,
      async loadMany(em, ids) {
        if (failures-- > 0) throw new Error('read model unavailable');
        return goalsProjection.loadMany(em, ids);
      },
    };
    const errors: string[] = [];
    const runner = new ProjectionRunner({
      store,
      orm,
      catalog,
      projections: [flaky, unitsProjection],
      retryDelayMs: 50,
      onError: (name) => errors.push(name),
    });
    await runner.start();
    const live = await store.appendToStream('unit-u9', [sampleEvent(9)], { expectedVersion: 0, metadata: actor });
    expect(await runner.waitFor(live.events[0]!)).toBe(true);
    await runner.stop();
    expect(errors).toEqual(['flaky', 'flaky']);
    const em = orm.em.fork();
    expect(await em.count(UnitRowSchema)).toBe(4);
    const checkpoints = await em.find(ProjectionCheckpointSchema, {}, { orderBy: { name: 'asc' } });
    expect(checkpoints.map((c) => [c.name, c.globalPosition])).toEqual([
      ['directory.units', live.events[0]!.globalPosition],
      ['flaky', live.events[0]!.globalPosition],
    ]);
  });
});
