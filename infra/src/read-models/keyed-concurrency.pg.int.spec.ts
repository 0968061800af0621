import { catalog } from '@jixiao/contexts';
import type { MikroORM } from '@mikro-orm/core';
import type { NewEvent, RecordedEvent } from '@jixiao/events';
import { applyBatch, GoalCountRowSchema, goalCountsProjection } from '@jixiao/projections';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { dropSchema, freshSchemaName, TEST_PG_URL } from '../testing/postgres';
import { goalReturned, goalSubmitted, indicatorRevised } from '../testing/goal-events';
import { openReadModels } from './orm';

const metadata = { actorId: 't', role: 'BUDGET_UNIT' };
const GOALS = 40;

/** Every goal of one unit and year: all of them feed the same document. */
const historyOf = (id: string): NewEvent[] => [goalSubmitted(id), indicatorRevised(id, 2), goalReturned(id, 1)];

/** Applies the events in small batches, as a Kafka worker applies what a fetch brought. */
async function feed(orm: MikroORM, events: RecordedEvent[], partition: string, store: PostgresEventStore) {
  for (let i = 0; i < events.length; i += 3) {
    await applyBatch(orm.em, goalCountsProjection, catalog, events.slice(i, i + 3), {
      checkpointName: `${goalCountsProjection.name}@${partition}`,
      fillGap: (id, from, to) => store.readStream(id, { fromVersion: from, toVersion: to }),
    });
  }
}

describe('a keyed document fed by workers of several partitions at once (PostgreSQL)', () => {
  let schema: string;
  let store: PostgresEventStore;
  const orms: MikroORM[] = [];
  beforeEach(async () => {
    schema = freshSchemaName('keyed');
    store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
    for (let i = 0; i < 3; i++)
      orms.push(await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema }));
  });
  afterEach(async () => {
    for (const orm of orms.splice(0)) await orm.close();
    await store.close();
    await dropSchema(schema);
  });

  it('loses no update and doubles none, also while a rebalance hands one partition to two workers', async () => {
    for (let g = 0; g < GOALS; g++) {
      await store.appendToStream(`goal-g${g}`, historyOf(`g${g}`), { expectedVersion: 0, metadata });
    }
    const events = await store.readAll();
    // two partitions by stream, each in its streams' order
    const even = events.filter((e) => Number(e.streamId.slice(6)) % 2 === 0);
    const odd = events.filter((e) => Number(e.streamId.slice(6)) % 2 === 1);
    // three workers, each on its own connections: the third applies the even partition a second time
    await Promise.all([
      feed(orms[0]!, even, 'p0', store),
      feed(orms[1]!, odd, 'p1', store),
      feed(orms[2]!, even, 'p0', store),
    ]);
    const docs = await orms[0]!.em.fork().find(GoalCountRowSchema, {});
    expect(docs.map((d) => [d.key, d.counts, d.goals])).toEqual([['u-test|2026', { RETURNED: GOALS }, GOALS]]);
  });
});
