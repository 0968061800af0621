import { allProjections, catalog } from '@jixiao/contexts';
import { logLevel } from 'kafkajs';
import {
  openReadModels,
  OutboxRelay,
  PostgresEventStore,
  ProjectionWorker,
  STREAM_CATEGORIES,
  testing,
} from '@jixiao/infra';
import { cleanAudit, startCommandLoad, verdictOf } from './command-load';
import { startGatewayProcesses } from './gateway-processes';
import { startKafka, stopKafka } from './servers';

jest.setTimeout(600_000);

const { TEST_PG_URL, TEST_KAFKA_BROKERS, freshSchemaName, dropSchema, eventually, groupCaughtUp } = testing;
const kafka = { brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING };

describe('fault: the Kafka broker stops and restarts while commands keep coming', () => {
  it('commands are recorded and retried until visible, the outbox drains after the restart, nothing lost or doubled', async () => {
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
    const front = await startGatewayProcesses(schema);
    const commands = startCommandLoad(front, { flows: 4 });
    try {
      for (const w of workers) await w.start();
      relay.start();
      await eventually('events flowing through Kafka', async () => relay.published >= 100);
      await eventually('commands acknowledged through the gateway', async () => commands.acknowledged >= 10);

      await stopKafka();
      const ackedAtStop = load.acknowledged;
      const outboxAtStop = await outboxOf(store, schema);
      await eventually('100 more commands while Kafka is down', async () => load.acknowledged >= ackedAtStop + 100);
      // every command acknowledged while the broker is down waits in the outbox
      expect(await outboxOf(store, schema)).toBeGreaterThanOrEqual(outboxAtStop + 100);
      expect(load.failed).toBe(0);
      // a command recorded while the broker is down cannot be read back: its client is told so, and retries
      await eventually(
        'a command answered NOT_YET_VISIBLE',
        async () => (commands.retriedFor.NOT_YET_VISIBLE ?? 0) > 0,
      );

      await startKafka();
      const commandsAtStart = commands.acknowledged;
      await eventually('commands after the restart', async () => load.acknowledged >= ackedAtStop + 200);
      await eventually('commands through the gateway after the restart', async () => {
        return commands.acknowledged >= commandsAtStart + 20;
      });
      await commands.stop();
      await load.stop();
      await eventually('the outbox drains', async () => (await outboxOf(store, schema)) === 0);
      for (const w of workers) await eventually(w.groupId, () => groupCaughtUp(w.groupId, w.topics));

      console.log(
        `kafka-restart: ${commands.acknowledged} commands acknowledged, ${commands.retries} retries ${JSON.stringify(commands.retriedFor)}`,
      );
      const verdict = await verdictOf((sql, params) => store.pool.query(sql, params), schema, commands);
      expect(verdict).toEqual(cleanAudit(commands));

      const replay = await testing.freshReplay(store, `${schema}_r`);
      expect(testing.rowCounts(replay).rm_goal).toBeGreaterThan(10);
      expect(healed).toBe(0);
      expect(front.exited).toEqual([]);
      expect(await testing.dumpReadModels(schema)).toEqual(replay);
    } finally {
      await commands.abandon();
      await load.stop();
      await startKafka(); // leave the broker running for the next suite, whatever happened
      await front.stop();
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
