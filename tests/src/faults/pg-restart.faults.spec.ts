import { randomUUID } from 'node:crypto';
import { catalog, type RecordedEvent } from '@jixiao/events';
import { PostgresEventStore, testing } from '@jixiao/infra';
import { restartPostgresImmediately } from './servers';

jest.setTimeout(600_000);

const { TEST_PG_URL, freshSchemaName, dropSchema, eventually, withPgClient } = testing;
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
});
