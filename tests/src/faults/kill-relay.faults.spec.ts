import { allProjections, catalog } from '@jixiao/contexts';
import { logLevel } from 'kafkajs';
import {
  createKafka,
  openReadModels,
  PostgresEventStore,
  ProjectionWorker,
  STREAM_CATEGORIES,
  testing,
  topicFor,
} from '@jixiao/infra';
import { killAndWait, spawnEntry } from './child-process';

jest.setTimeout(600_000);

const { TEST_PG_URL, TEST_KAFKA_BROKERS, freshSchemaName, dropSchema, eventually, groupCaughtUp } = testing;
const kafka = { brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING };
const KILLS = 10;

describe('fault: kill -9 of the outbox relay while it publishes, under write load', () => {
  it(`after ${KILLS} kills the outbox drains and every read model equals a fresh replay`, async () => {
    const schema = freshSchemaName('krelay');
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog, outbox: true });
    const orm = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
    let healed = 0;
    const workers = allProjections.map(
      (projection) =>
        new ProjectionWorker({
          ...{ kafka, orm, catalog, projection, store, categories: STREAM_CATEGORIES, topicPrefix: schema },
          onHealed: () => healed++,
        }),
    );
    const load = testing.startWriteLoad(store, 3, 15, 2);
    let relay = spawnEntry('relay-main', schema);
    try {
      for (const w of workers) await w.start();
      for (let i = 0; i < KILLS; i++) {
        await relay.firstBatch;
        await new Promise((r) => setTimeout(r, Math.random() * 300));
        await killAndWait(relay.process, 'SIGKILL');
        // the next relay can take the lock only once PostgreSQL has ended the dead one's session
        relay = spawnEntry('relay-main', schema);
      }
      await load.stop();
      await eventually(
        'the outbox drains',
        async () => (await testing.outboxSize((q) => store.pool.query(q), schema)) === 0,
      );
      for (const w of workers) await eventually(w.groupId, () => groupCaughtUp(w.groupId, w.topics));

      const events = (await store.readAll()).length;
      const published = await messagesIn(STREAM_CATEGORIES.map((c) => topicFor(schema, c)));
      // a relay killed between publish and delete publishes again: more messages than events is allowed
      expect(published).toBeGreaterThanOrEqual(events);
      const replay = await testing.freshReplay(store, `${schema}_r`);
      expect(testing.rowCounts(replay).rm_goal).toBeGreaterThan(10);
      expect(healed).toBe(0);
      expect(await testing.dumpReadModels(schema)).toEqual(replay);
    } finally {
      await load.stop();
      await killAndWait(relay.process, 'SIGTERM');
      for (const w of workers) await w.stop();
      await orm.close();
      await store.close();
      await dropSchema(schema);
    }
  });
});

/** Messages ever written to these topics (sum of end offsets). */
async function messagesIn(topics: string[]): Promise<number> {
  const admin = createKafka(kafka).admin();
  await admin.connect();
  try {
    let n = 0;
    for (const t of topics) for (const p of await admin.fetchTopicOffsets(t)) n += Number(p.high);
    return n;
  } finally {
    await admin.disconnect();
  }
}
