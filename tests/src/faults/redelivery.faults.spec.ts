import { allProjections, catalog } from '@jixiao/contexts';
import { logLevel } from 'kafkajs';
import { sampleEvent } from '@jixiao/events';
import {
  createKafka,
  ensureTopics,
  openReadModels,
  PostgresEventStore,
  ProjectionWorker,
  STREAM_CATEGORIES,
  testing,
  toMessage,
  topicFor,
  topicOfEvent,
} from '@jixiao/infra';
import { redeliverySchedule, seededRandom } from './schedule';

jest.setTimeout(300_000);

const { TEST_PG_URL, TEST_KAFKA_BROKERS, freshSchemaName, dropSchema, eventually, groupCaughtUp } = testing;
const kafka = { brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING };
const metadata = { actorId: 'faults', role: 'BUDGET_UNIT' };

describe('fault: every event delivered 1–5 times, streams interleaved at random', () => {
  it('leaves read models equal to a fresh replay', async () => {
    const schema = freshSchemaName('redeliver');
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
    const orm = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
    const workers: ProjectionWorker[] = [];
    const k = createKafka(kafka);
    const producer = k.producer();
    try {
      for (let g = 0; g < 40; g++) {
        const events = Array.from({ length: 1 + (g % 7) }, (_, v) => testing.nextGoalEvent(`g${g}`, v));
        await store.appendToStream(`goal-g${g}`, events, { expectedVersion: 0, metadata });
      }
      for (let u = 0; u < 10; u++) {
        await store.appendToStream(`unit-u${u}`, [sampleEvent(u)], { expectedVersion: 0, metadata });
      }
      const events = await store.readAll();
      const seed = Number(process.env.JIXIAO_FAULT_SEED ?? Date.now() % 100000);
      const schedule = redeliverySchedule(events, seededRandom(seed));
      expect(schedule.length).toBeGreaterThan(events.length * 1.3);

      const admin = k.admin();
      await admin.connect();
      await ensureTopics(
        admin,
        STREAM_CATEGORIES.map((c) => topicFor(schema, c)),
        3,
      );
      await admin.disconnect();
      await producer.connect();
      // one message at a time per send keeps the schedule's order exactly
      for (let i = 0; i < schedule.length; i += 50) {
        const chunk = schedule.slice(i, i + 50);
        for (const event of chunk) {
          await producer.send({ topic: topicOfEvent(schema, event), messages: [toMessage(event)], acks: -1 });
        }
      }
      for (const projection of allProjections) {
        for (let n = 0; n < 2; n++) {
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
      for (const w of workers) await eventually(w.groupId, () => groupCaughtUp(w.groupId, w.topics));

      const replay = await testing.freshReplay(store, `${schema}_r`);
      expect(testing.rowCounts(replay)).toMatchObject({ rm_goal: 40, rm_indicator: 80, rm_unit: 10 });
      expect({ seed, readModels: await testing.dumpReadModels(schema) }).toEqual({ seed, readModels: replay });
    } finally {
      await producer.disconnect();
      for (const w of workers) await w.stop();
      await orm.close();
      await store.close();
      await dropSchema(schema);
    }
  });
});
