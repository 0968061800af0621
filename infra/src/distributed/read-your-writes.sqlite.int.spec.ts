import { allProjections, catalog } from '@jixiao/contexts';
import type { MikroORM } from '@mikro-orm/core';
import { sampleEvent } from '@jixiao/events';
import { applyBatch } from '@jixiao/projections';
import type { SqliteEventStore } from '../event-store';
import { openSqliteWorkspace, type SqliteWorkspace } from '../testing/sqlite';
import { goalSubmitted, indicatorRevised } from '../testing/goal-events';
import { streamVersionWaiter } from './read-your-writes';

const actor = { actorId: 't', role: 'ADMIN' };

/** Read-your-writes across processes: an event is visible once each projection handling it holds its stream version. */
describe('waiting for a stream version in the read models', () => {
  let workspace: SqliteWorkspace;
  let store: SqliteEventStore;
  let orm: MikroORM;
  beforeEach(async () => {
    workspace = await openSqliteWorkspace('jixiao-ryw-');
    ({ store, orm } = workspace);
  });
  afterEach(() => workspace.close());

  it('answers false until the projection has applied the version, then true', async () => {
    const goals = allProjections.find((p) => p.name === 'planning.goals')!;
    // the goals projection alone (the goal counts handle GoalSubmitted too, and are not applied here)
    const wait = streamVersionWaiter({ em: () => orm.em.fork(), projections: [goals], pollMs: 5 });
    const submitted = await store.appendToStream('goal-g1', [goalSubmitted('g1')], {
      expectedVersion: 0,
      metadata: actor,
    });
    const revised = await store.appendToStream('goal-g1', [indicatorRevised('g1', 2)], {
      expectedVersion: 1,
      metadata: actor,
    });
    expect(await wait(submitted.events, 30)).toBe(false);

    await applyBatch(orm.em, goals, catalog, submitted.events);
    expect(await wait(submitted.events, 30)).toBe(true);
    // version 2 is not there yet: a later write of the same stream still waits
    expect(await wait(revised.events, 30)).toBe(false);

    const late = wait(revised.events, 5000);
    await applyBatch(orm.em, goals, catalog, revised.events);
    expect(await late).toBe(true);
  });

  it('waits only for the projections that handle the event', async () => {
    const units = allProjections.find((p) => p.name === 'directory.units')!;
    const goals = allProjections.find((p) => p.name === 'planning.goals')!;
    const wait = streamVersionWaiter({ em: () => orm.em.fork(), projections: [units, goals], pollMs: 5 });
    const { events } = await store.appendToStream('unit-u1', [sampleEvent(1)], { expectedVersion: 0, metadata: actor });
    expect(await wait(events, 30)).toBe(false);
    await applyBatch(orm.em, units, catalog, events);
    // the goals projection does not handle unit events, and is not waited for
    expect(await wait(events, 30)).toBe(true);
  });
});
