import { logLevel } from 'kafkajs';
import { catalog } from '@jixiao/events';
import { allProjections } from '@jixiao/projections';
import {
  openReadModels,
  OutboxRelay,
  PostgresEventStore,
  ProjectionWorker,
  STREAM_CATEGORIES,
  testing,
} from '@jixiao/infra';
import { startKafka, stopKafka } from './servers';

jest.setTimeout(600_000);

const { TEST_PG_URL, TEST_KAFKA_BROKERS, freshSchemaName, dropSchema, eventually, groupCaughtUp } = testing;
const kafka = { brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING };

describe('fault: the Kafka broker stops and restarts while commands keep coming', () => {
  it('commands still succeed, the outbox drains after the restart, every event applied once in effect', async () => {
    const schema = freshSchemaName('kstop');
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog, outbox: true });
    const orm = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
    let healed = 0;
    const relay = new OutboxRelay({ connectionString: TEST_PG_URL, schema, topicPrefix: schema, kafka });
    const workers = allProjections.map(
      (projection) =>
        new ProjectionWorker({
          ...{ kafka, orm, catalog, projection, store, categories: STREAM_CATEGORIES, topicPrefix: schema },
          onHealed: () => healed++,
        }),
    );
    const load = testing.startWriteLoad(store, 3, 15, 5);
    try {
      for (const w of workers) await w.start();
      relay.start();
      await eventually('events flowing through Kafka', async () => relay.published >= 100);

      await stopKafka();
      const ackedAtStop = load.acknowledged;
      const outboxAtStop = await outboxOf(store, schema);
      await eventually('100 more commands while Kafka is down', async () => load.acknowledged >= ackedAtStop + 100);
      // every command acknowledged while the broker is down waits in the outbox
      expect(await outboxOf(store, schema)).toBeGreaterThanOrEqual(outboxAtStop + 100);
      expect(load.failed).toBe(0);

      await startKafka();
      await eventually('commands after the restart', async () => load.acknowledged >= ackedAtStop + 200);
      await load.stop();
      await eventually('the outbox drains', async () => (await outboxOf(store, schema)) === 0);
      for (const w of workers) await eventually(w.groupId, () => groupCaughtUp(w.groupId, w.topics));

      const replay = await testing.freshReplay(store, `${schema}_r`);
      expect(testing.rowCounts(replay).rm_goal).toBeGreaterThan(10);
      expect(healed).toBe(0);
      expect(await testing.dumpReadModels(schema)).toEqual(replay);
    } finally {
      await load.stop();
      await startKafka(); // leave the broker running for the next suite, whatever happened
      for (const w of workers) await w.stop();
      await relay.stop();
      await orm.close();
      await store.close();
      await dropSchema(schema);
    }
  });
});

async function outboxOf(store: PostgresEventStore, schema: string): Promise<number> {
  return testing.outboxSize((q) => store.pool.query(q), schema);
}
