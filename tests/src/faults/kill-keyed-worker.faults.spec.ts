import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logLevel } from 'kafkajs';
import { catalog, STREAM_CATEGORIES } from '@jixiao/contexts';
import { goalCountsProjection } from '@jixiao/projections';
import { groupIdOf, OutboxRelay, PostgresEventStore, testing, topicFor } from '@jixiao/infra';
import { batchTransactionOpen, cutTransactions } from './batch-journal';
import { killAndWait, spawnEntry, type Child } from './child-process';

jest.setTimeout(600_000);

const { TEST_PG_URL, TEST_KAFKA_BROKERS, freshSchemaName, dropSchema, eventually, groupCaughtUp } = testing;
const KILLS = Number(process.env.JIXIAO_FAULT_KILLS ?? 6);
/** The tables of the keyed projection: its documents and its stream records. */
const KEYED_TABLES = ['rm_goal_count', 'rm_projection_stream'];

describe('fault: two Kafka workers on different partitions feed one keyed document; one is killed with SIGKILL', () => {
  it(`after ${KILLS} kills of one of them the document equals a fresh replay: no update lost or doubled`, async () => {
    const schema = freshSchemaName('keyedkill');
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-keyed-kill-'));
    const journals = { a: join(dir, 'a.journal'), b: join(dir, 'b.journal') };
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog, outbox: true });
    const relay = new OutboxRelay({
      connectionString: TEST_PG_URL,
      schema,
      topicPrefix: schema,
      kafka: { brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING },
    });
    relay.start();
    // one consumer group, two members: the goal topic's partitions are split between them
    const worker = (journal: string): Child =>
      spawnEntry('worker-main', schema, {
        JIXIAO_PROJECTIONS: goalCountsProjection.name,
        JIXIAO_BATCH_JOURNAL: journal,
      });
    let a = worker(journals.a);
    const b = worker(journals.b);
    // every goal stream of the load is of one unit and year: all of them feed the same document
    const load = testing.startWriteLoad(store, 3, 30, 5);
    let batchesOfA = 0;
    let healed = 0;
    try {
      await Promise.all([a.firstBatch, b.firstBatch]);
      let killedMidBatch = 0;
      for (let i = 0; i < KILLS; i++) {
        await a.firstBatch;
        if (await batchTransactionOpen(journals.a)) killedMidBatch++;
        await killAndWait(a.process, 'SIGKILL');
        batchesOfA += a.batches;
        healed += a.healed;
        a = worker(journals.a);
      }
      await a.firstBatch;
      await load.stop();
      expect(load.acknowledged).toBeGreaterThan(200);
      expect(killedMidBatch).toBeGreaterThan(0);
      await eventually('the outbox drains', async () => relay.leader && (await outboxOf(store, schema)) === 0);
      const topics = STREAM_CATEGORIES.map((c) => topicFor(schema, c));
      await eventually('the group catches up', () =>
        groupCaughtUp(groupIdOf(schema, goalCountsProjection.name), topics),
      );
      // both members applied batches of their own partitions, concurrently, into the same document
      expect(batchesOfA + a.batches).toBeGreaterThan(0);
      expect(b.batches).toBeGreaterThan(0);
      const { cut } = await cutTransactions(journals.a);
      console.log(
        `kill-keyed-worker: ${load.acknowledged} appends; batches cut short by a kill: ${JSON.stringify(cut)}`,
      );
      expect(cut.aborted ?? 0).toBeGreaterThan(0);
      expect(healed + a.healed + b.healed).toBe(0);

      const live = await testing.dumpReadModels(schema);
      const replay = await testing.freshReplay(store, `${schema}_r`);
      const keyed = (dump: Record<string, string[]>): Record<string, string[]> =>
        Object.fromEntries(
          KEYED_TABLES.map((t) => [
            t,
            t === 'rm_projection_stream'
              ? dump[t]!.filter((row) => row.includes(`"projection":"${goalCountsProjection.name}"`))
              : (dump[t] ?? []),
          ]),
        );
      expect(replay.rm_goal_count).toHaveLength(1);
      expect(testing.rowCounts(keyed(replay)).rm_projection_stream).toBeGreaterThanOrEqual(90);
      expect(keyed(live)).toEqual(keyed(replay));
    } finally {
      await load.stop();
      await killAndWait(a.process, 'SIGTERM');
      await killAndWait(b.process, 'SIGTERM');
      await relay.stop();
      await store.close();
      await dropSchema(schema);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function outboxOf(store: PostgresEventStore, schema: string): Promise<number> {
  return testing.outboxSize((q) => store.pool.query(q), schema);
}
