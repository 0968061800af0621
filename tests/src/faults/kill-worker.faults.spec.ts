import { logLevel } from 'kafkajs';
import { catalog } from '@jixiao/events';
import { allProjections } from '@jixiao/projections';
import { groupIdOf, OutboxRelay, PostgresEventStore, STREAM_CATEGORIES, testing, topicFor } from '@jixiao/infra';
import { killAndWait, spawnEntry } from './child-process';

jest.setTimeout(600_000);

const { TEST_PG_URL, TEST_KAFKA_BROKERS, freshSchemaName, dropSchema, eventually, groupCaughtUp } = testing;
const KILLS = Number(process.env.JIXIAO_FAULT_KILLS ?? 20);

describe('fault: kill -9 of a projection worker in the middle of its batches, under write load', () => {
  it(`after ${KILLS} kills every read model equals a fresh replay from position 0`, async () => {
    const schema = freshSchemaName('kill');
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog, outbox: true });
    const relay = new OutboxRelay({
      connectionString: TEST_PG_URL,
      schema,
      topicPrefix: schema,
      kafka: { brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING },
    });
    relay.start();
    const load = testing.startWriteLoad(store, 3, 20);
    let last = spawnEntry('worker-main', schema);
    try {
      let killedMidRun = 0;
      let healed = 0;
      for (let i = 0; i < KILLS; i++) {
        await last.firstBatch;
        // a random point while it applies batches: the next batch may be mid-transaction
        await new Promise((r) => setTimeout(r, Math.random() * 300));
        if (last.process.exitCode === null) killedMidRun++;
        await killAndWait(last.process, 'SIGKILL');
        healed += last.healed;
        last = spawnEntry('worker-main', schema);
      }
      expect(killedMidRun).toBe(KILLS);
      await load.stop();
      expect(load.acknowledged).toBeGreaterThan(100);
      await eventually('the outbox drains', async () => relay.leader && (await outboxOf(store, schema)) === 0);
      const topics = STREAM_CATEGORIES.map((c) => topicFor(schema, c));
      for (const p of allProjections) {
        await eventually(p.name, () => groupCaughtUp(groupIdOf(schema, p.name), topics));
      }
      const replay = await testing.freshReplay(store, `${schema}_r`);
      expect(testing.rowCounts(replay).rm_goal).toBeGreaterThan(10);
      // no event was lost on the way, not even one the gap filling could repair
      expect(healed + last.healed).toBe(0);
      expect(await testing.dumpReadModels(schema)).toEqual(replay);
    } finally {
      await load.stop();
      await killAndWait(last.process, 'SIGTERM');
      await relay.stop();
      await store.close();
      await dropSchema(schema);
    }
  });
});

async function outboxOf(store: PostgresEventStore, schema: string): Promise<number> {
  return testing.outboxSize((q) => store.pool.query(q), schema);
}
