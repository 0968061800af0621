import { allProjections, catalog } from '@jixiao/contexts';
import type { MikroORM } from '@mikro-orm/core';
import { logLevel } from 'kafkajs';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { openReadModels } from '../read-models/orm';
import { dropSchema, freshSchemaName, TEST_PG_URL, withPgClient } from '../testing/postgres';
import { dumpReadModels, freshReplay, rowCounts } from '../testing/replay';
import { eventually, groupCaughtUp, outboxSize, TEST_KAFKA_BROKERS } from '../testing/kafka';
import { startWriteLoad } from '../testing/load';
import { OutboxRelay } from './outbox-relay';
import { ProjectionWorker } from './projection-worker';
import { STREAM_CATEGORIES } from './topics';

jest.setTimeout(300_000);

const kafka = { brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING };

describe('outbox relay and projection workers over Kafka', () => {
  let schema: string;
  let store: PostgresEventStore;
  let orm: MikroORM;
  const relays: OutboxRelay[] = [];
  const workers: ProjectionWorker[] = [];
  const relay = () => {
    const r = new OutboxRelay({ connectionString: TEST_PG_URL, schema, kafka, topicPrefix: schema, retryMs: 200 });
    relays.push(r);
    r.start();
    return r;
  };
  beforeEach(async () => {
    schema = freshSchemaName('kf');
    store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog, outbox: true });
    orm = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    for (const r of relays.splice(0)) await r.stop();
    await orm.close();
    await store.close();
    await dropSchema(schema);
  });

  it('publishes every event and the read models equal a fresh replay', async () => {
    for (const projection of allProjections) {
      for (let i = 0; i < 2; i++) {
        const w = new ProjectionWorker({
          kafka,
          orm,
          catalog,
          projection,
          store,
          categories: STREAM_CATEGORIES,
          topicPrefix: schema,
        });
        workers.push(w);
        await w.start();
      }
    }
    relay();
    const load = startWriteLoad(store, 4, 8);
    await eventually('200 appends', async () => load.acknowledged >= 200);
    await load.stop();
    await eventually('the outbox drains', async () => (await outboxSize((q) => store.pool.query(q), schema)) === 0);
    for (const w of workers) await eventually(w.groupId, () => groupCaughtUp(w.groupId, w.topics));
    const replay = await freshReplay(store, `${schema}_r`);
    expect(rowCounts(replay).rm_goal).toBe(32);
    expect(await dumpReadModels(schema)).toEqual(replay);
  });

  it('lets one relay publish at a time; another takes over when the leader’s session dies', async () => {
    const a = relay();
    await eventually('a leads', async () => a.leader);
    const b = relay();
    await eventually('b tried twice', async () => b.lockAttempts >= 2);
    expect([a.leader, b.leader]).toEqual([true, false]);
    // kill a's lock connection from outside, as a crashed host would lose it
    await withPgClient((c) =>
      c.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted
         AND objid = (hashtext($1)::bigint & x'ffffffff'::bigint)`,
        [`jixiao-outbox-relay-${schema}`],
      ),
    );
    await eventually('one of them leads again', async () => a.leader !== b.leader);
    expect([a.leader, b.leader].filter(Boolean)).toHaveLength(1);
  });
});
