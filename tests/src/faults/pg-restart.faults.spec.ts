import { allProjections, catalog } from '@jixiao/contexts';
import { randomUUID } from 'node:crypto';
import { type RecordedEvent } from '@jixiao/events';
import { groupIdOf, PostgresEventStore, STREAM_CATEGORIES, testing, topicFor } from '@jixiao/infra';
import { killAndWait, spawnEntry, type Child } from './child-process';
import { cleanAudit, startCommandLoad, verdictOf } from './command-load';
import { startGatewayProcesses } from './gateway-processes';
import { restartPostgresImmediately } from './servers';

jest.setTimeout(600_000);

const { TEST_PG_URL, freshSchemaName, dropSchema, eventually, groupCaughtUp, withPgClient } = testing;
const metadata = { actorId: 'faults', role: 'BUDGET_UNIT' };

interface Acked {
  streamId: string;
  events: Pick<RecordedEvent, 'eventId' | 'hash'>[];
}

describe('fault: PostgreSQL restarted in immediate mode under write load', () => {
  it('keeps every acknowledged append whole, and no append half-written', async () => {
    const schema = freshSchemaName('pgcrash');
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog, outbox: true });
    const acked: Acked[] = [];
    let retries = 0;
    let stopped = false;
    // each command appends three events to a new stream, retried with the same command id until acknowledged
    const writer = async () => {
      while (!stopped) {
        const goalId = randomUUID();
        const commandId = randomUUID();
        const events = [0, 1, 2].map((v) => testing.nextGoalEvent(goalId, v));
        for (;;) {
          try {
            const r = await store.appendToStream(`goal-${goalId}`, events, { expectedVersion: 0, commandId, metadata });
            acked.push({
              streamId: `goal-${goalId}`,
              events: r.events.map((e) => ({ eventId: e.eventId, hash: e.hash })),
            });
            break;
          } catch {
            retries++;
            await new Promise((r) => setTimeout(r, 200));
          }
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    try {
      await eventually('200 appends before the crash', async () => acked.length >= 200);
      await restartPostgresImmediately();
      const atRestart = acked.length;
      await eventually('200 appends after the restart', async () => acked.length >= atRestart + 200);
      stopped = true;
      await Promise.all(writers);
      expect(retries).toBeGreaterThan(0); // the crash did cut writes off

      for (const a of acked) {
        const stored = await store.readStream(a.streamId);
        expect(stored.map((e) => ({ eventId: e.eventId, hash: e.hash }))).toEqual(a.events);
      }
      const counts = await withPgClient(async (c) => {
        const n = async (sql: string) => Number((await c.query(sql)).rows[0].n);
        return {
          streams: await n(`SELECT COUNT(*) AS n FROM "${schema}".event_streams`),
          commands: await n(`SELECT COUNT(*) AS n FROM "${schema}".event_commands`),
          events: await n(`SELECT COUNT(*) AS n FROM "${schema}".events`),
          outbox: await n(`SELECT COUNT(*) AS n FROM "${schema}".event_outbox`),
          streamsNotWhole: await n(
            `SELECT COUNT(*) AS n FROM (SELECT stream_id FROM "${schema}".events GROUP BY stream_id
             HAVING COUNT(*) <> 3 OR MAX(stream_version) <> 3) s`,
          ),
        };
      });
      // every stream is one acknowledged command: three events, one command row, three outbox rows
      expect(counts).toEqual({
        streams: acked.length,
        commands: acked.length,
        events: 3 * acked.length,
        outbox: 3 * acked.length,
        streamsNotWhole: 0,
      });
      const sample = acked.filter((_, i) => i % 25 === 0);
      for (const a of sample) expect((await store.verifyStream(a.streamId)).ok).toBe(true);
    } finally {
      stopped = true;
      await Promise.all(writers);
      await store.close();
      await dropSchema(schema);
    }
  });
  it('loses and doubles no command acknowledged through the gateway, and read models equal a fresh replay', async () => {
    // not `pg…`: MikroORM's schema introspection skips schemas matching LIKE 'pg_%', and the services would find no tables
    const schema = freshSchemaName('crashcmd');
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog, outbox: true });
    const front = await startGatewayProcesses(schema);
    const relay = keepRunning('relay-main', schema);
    const worker = keepRunning('worker-main', schema);
    const commands = startCommandLoad(front, { flows: 4 });
    try {
      await eventually('commands acknowledged before the crash', async () => commands.acknowledged >= 20);
      const retriesBefore = commands.retries;
      await restartPostgresImmediately();
      const atRestart = commands.acknowledged;
      await eventually('commands acknowledged after the restart', async () => commands.acknowledged >= atRestart + 20);
      await commands.stop();
      expect(commands.retries).toBeGreaterThan(retriesBefore); // the crash did cut commands off
      await eventually(
        'the outbox drains',
        async () => (await testing.outboxSize((q) => store.pool.query(q), schema)) === 0,
      );
      const topics = STREAM_CATEGORIES.map((c) => topicFor(schema, c));
      for (const p of allProjections) {
        await eventually(p.name, () => groupCaughtUp(groupIdOf(schema, p.name), topics));
      }
      console.log(
        `pg-restart: ${commands.acknowledged} commands acknowledged, ${commands.retries} retries ` +
          `${JSON.stringify(commands.retriedFor)}; restarted after exiting: relay ${relay.restarts}, worker ${worker.restarts}`,
      );
      const verdict = await verdictOf((sql, params) => store.pool.query(sql, params), schema, commands);
      expect(verdict).toEqual(cleanAudit(commands));
      const replay = await testing.freshReplay(store, `${schema}_r`);
      expect(testing.rowCounts(replay).rm_goal).toBeGreaterThan(3);
      expect(relay.healed + worker.healed).toBe(0);
      expect(front.exited).toEqual([]);
      expect(await testing.dumpReadModels(schema)).toEqual(replay);
    } finally {
      await commands.abandon();
      await front.stop();
      await relay.stop();
      await worker.stop();
      await store.close();
      await dropSchema(schema);
    }
  });
});

/** A relay or worker process started again whenever it exits, as a process manager would; counts the restarts. */
function keepRunning(entry: 'worker-main' | 'relay-main', schema: string) {
  let child: Child;
  let restarts = 0;
  let healed = 0;
  let stopped = false;
  const start = () => {
    child = spawnEntry(entry, schema);
    child.process.once('exit', () => {
      if (stopped) return;
      healed += child.healed;
      restarts++;
      start();
    });
  };
  start();
  return {
    get restarts() {
      return restarts;
    },
    get healed() {
      return healed + child.healed;
    },
    async stop() {
      stopped = true;
      await killAndWait(child.process, 'SIGTERM');
    },
  };
}
