import { catalog } from '@jixiao/contexts';
import type { MikroORM } from '@mikro-orm/core';
import { type RecordedEvent } from '@jixiao/events';
import { applyBatch, goalCountsProjection, goalsProjection } from '@jixiao/projections';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { openReadModels } from '../read-models/orm';
import { dropSchema, freshSchemaName, TEST_PG_URL } from '../testing/postgres';
import { dumpReadModels, freshReplay } from '../testing/replay';
import { goalSubmitted, nextGoalEvent } from '../testing/goal-events';

const metadata = { actorId: 't', role: 'BUDGET_UNIT' };

describe('a worker receiving an event after a version gap', () => {
  let schema: string;
  let store: PostgresEventStore;
  let orm: MikroORM;
  let events: RecordedEvent[];
  beforeEach(async () => {
    schema = freshSchemaName('gap');
    store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
    orm = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
    const appended = await store.appendToStream(
      'goal-g',
      [goalSubmitted('g'), ...[1, 2, 3, 4].map((v) => nextGoalEvent('g', v))],
      { expectedVersion: 0, metadata },
    );
    events = appended.events;
  });
  afterEach(async () => {
    await orm.close();
    await store.close();
    await dropSchema(schema);
  });

  it('reads the missed versions from the event store first, so the row equals a full replay', async () => {
    const [v1, v2, , , v5] = events;
    // a stream projection (its document is the stream's record) and a keyed one (rm_projection_stream)
    for (const projection of [goalsProjection, goalCountsProjection]) {
      await applyBatch(orm.em, projection, catalog, [v1!, v2!], {
        fillGap: (id, from, to) => store.readStream(id, { fromVersion: from, toVersion: to }),
      });
      // versions 3 and 4 never arrive
      await applyBatch(orm.em, projection, catalog, [v5!], {
        fillGap: (id, from, to) => store.readStream(id, { fromVersion: from, toVersion: to }),
      });
    }
    const actual = await dumpReadModels(schema);
    expect(actual.rm_goal![0]).toContain('"last_version":5');
    expect(actual.rm_projection_stream![0]).toContain('"last_version":5');
    // version 3 (a return) came from the store: the count says RETURNED
    expect(actual.rm_goal_count![0]).toContain('"counts":{"RETURNED": 1}');
    expect(actual).toEqual(await freshReplay(store, `${schema}_r`));
  });

  it('without fillGap the gap is applied as is and the row differs from a replay (why workers pass it)', async () => {
    const [v1, , , , v5] = events;
    for (const projection of [goalsProjection, goalCountsProjection]) {
      await applyBatch(orm.em, projection, catalog, [v1!, v5!]);
    }
    expect(await dumpReadModels(schema)).not.toEqual(await freshReplay(store, `${schema}_r`));
  });
});
