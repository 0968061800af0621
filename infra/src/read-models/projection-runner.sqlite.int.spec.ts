import type { MikroORM } from '@mikro-orm/core';
import { catalog, sampleEvent } from '@jixiao/events';
import {
  applyBatch,
  GoalRowSchema,
  ProjectionCheckpointSchema,
  ProjectionRunner,
  unitsProjection,
  UnitRowSchema,
  type Projection,
} from '@jixiao/projections';
import type { SqliteEventStore } from '../event-store';
import { openSqliteWorkspace, type SqliteWorkspace } from '../testing/sqlite';
import { goalSubmitted } from '../testing/goal-events';

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
    let saves = 0;
    const crashing: Projection = {
      ...(unitsProjection as unknown as Projection),
      async save(em, doc) {
        if (++saves === 2) throw new Error('process killed');
        await unitsProjection.save(em, doc as never);
      },
    };
    await expect(applyBatch(orm.em, crashing, catalog, await store.readAll())).rejects.toThrow('process killed');
    const em = orm.em.fork();
    expect(await em.count(UnitRowSchema)).toBe(0);
    expect(await em.findOne(ProjectionCheckpointSchema, { name: 'directory.units' })).toBeNull();
  });
});
