import { allProjections, catalog } from '@jixiao/contexts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logLevel } from 'kafkajs';
import { groupIdOf, OutboxRelay, PostgresEventStore, STREAM_CATEGORIES, testing, topicFor } from '@jixiao/infra';
import { batchTransactionOpen, cutTransactions } from './batch-journal';
import { killAndWait, spawnEntry } from './child-process';
import { cleanAudit, startCommandLoad, verdictOf } from './command-load';
import { startGatewayProcesses } from './gateway-processes';

jest.setTimeout(600_000);

const { TEST_PG_URL, TEST_KAFKA_BROKERS, freshSchemaName, dropSchema, eventually, groupCaughtUp } = testing;
const KILLS = Number(process.env.JIXIAO_FAULT_KILLS ?? 20);

describe('fault: kill -9 of a projection worker in the middle of its batches, under commands through the gateway', () => {
  it(`after ${KILLS} kills nothing acknowledged is lost or doubled, and every read model equals a fresh replay`, async () => {
    const schema = freshSchemaName('kill');
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-kill-'));
    const journal = join(dir, 'batches.journal');
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog, outbox: true });
    const relay = new OutboxRelay({
      connectionString: TEST_PG_URL,
      schema,
      topicPrefix: schema,
      kafka: { brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING },
    });
    relay.start();
    const front = await startGatewayProcesses(schema);
    let last = spawnEntry('worker-main', schema, { JIXIAO_BATCH_JOURNAL: journal });
    // real commands through the gateway, and synthetic appends beside them to keep the batches busy
    const commands = startCommandLoad(front, { flows: 4 });
    const load = testing.startWriteLoad(store, 1, 20, 20);
    try {
      await eventually('commands acknowledged before the kills', async () => commands.acknowledged >= 20);
      let killedMidRun = 0;
      let healed = 0;
      for (let i = 0; i < KILLS; i++) {
        await last.firstBatch;
        // the platform serves between kills: a command acknowledged since the last one
        const acked = commands.acknowledged;
        await eventually(`a command acknowledged before kill ${i + 1}`, async () => commands.acknowledged > acked);
        // every other round at a random point while it applies batches, the others once a batch transaction is open
        if (i % 2 === 0) await new Promise((r) => setTimeout(r, Math.random() * 300));
        else await batchTransactionOpen(journal);
        if (last.process.exitCode === null) killedMidRun++;
        await killAndWait(last.process, 'SIGKILL');
        healed += last.healed;
        last = spawnEntry('worker-main', schema, { JIXIAO_BATCH_JOURNAL: journal });
      }
      expect(killedMidRun).toBe(KILLS);
      const ackedDuringKills = commands.acknowledged;
      await commands.stop();
      await load.stop();
      expect(load.acknowledged).toBeGreaterThan(100);
      await eventually('the outbox drains', async () => relay.leader && (await outboxOf(store, schema)) === 0);
      const topics = STREAM_CATEGORIES.map((c) => topicFor(schema, c));
      for (const p of allProjections) {
        await eventually(p.name, () => groupCaughtUp(groupIdOf(schema, p.name), topics));
      }
      console.log(
        `kill-worker: ${commands.acknowledged} commands acknowledged (${ackedDuringKills} by the last kill), ` +
          `${commands.retries} retries ${JSON.stringify(commands.retriedFor)}; ${load.acknowledged} synthetic appends`,
      );

      // the kills landed inside batch transactions: begun, never ended, and rolled back by PostgreSQL
      const { begun, cut } = await cutTransactions(journal);
      console.log(`kill-worker: ${begun} batch transactions journaled; cut short by a kill: ${JSON.stringify(cut)}`);
      expect(cut.aborted ?? 0).toBeGreaterThan(0);
      expect(cut['in progress'] ?? 0).toBe(0);

      // nothing the platform acknowledged is lost, nothing is written twice, every answer showed its change
      const verdict = await verdictOf((sql, params) => store.pool.query(sql, params), schema, commands);
      expect(verdict).toEqual(cleanAudit(commands));
      const replay = await testing.freshReplay(store, `${schema}_r`);
      expect(testing.rowCounts(replay).rm_goal).toBeGreaterThan(10);
      // no event was lost on the way, not even one the gap filling could repair
      expect(healed + last.healed).toBe(0);
      expect(front.exited).toEqual([]);
      expect(await testing.dumpReadModels(schema)).toEqual(replay);
    } finally {
      await commands.abandon();
      await load.stop();
      await killAndWait(last.process, 'SIGTERM');
      await front.stop();
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
