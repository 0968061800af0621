import { allProjections, catalog } from '@jixiao/contexts';
import { logLevel } from 'kafkajs';
import { goalCountsProjection, goalsProjection } from '@jixiao/projections';
import {
  openReadModels,
  OutboxRelay,
  PostgresEventStore,
  ProjectionWorker,
  rebuildProjections,
  STREAM_CATEGORIES,
  testing,
} from '@jixiao/infra';

jest.setTimeout(600_000);

const { TEST_PG_URL, TEST_KAFKA_BROKERS, freshSchemaName, dropSchema, eventually, groupCaughtUp } = testing;
const kafka = { brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING };

describe('rebuilding a projection from the event store while workers and writers run', () => {
  it('swaps in tables equal to a fresh replay; queries keep answering throughout', async () => {
    const schema = freshSchemaName('rebuild');
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog, outbox: true });
    const orm = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
    const relay = new OutboxRelay({ connectionString: TEST_PG_URL, schema, topicPrefix: schema, kafka });
    let healed = 0;
    const workers = allProjections.map(
      (projection) =>
        new ProjectionWorker({
          ...{ kafka, orm, catalog, projection, store, categories: STREAM_CATEGORIES, topicPrefix: schema },
          onHealed: () => healed++,
        }),
    );
    const load = testing.startWriteLoad(store, 3, 15, 2);
    let querying = true;
    const answers: number[] = [];
    const failures: string[] = [];
    try {
      for (const w of workers) await w.start();
      relay.start();
      // published is not yet applied: wait until the goal rows are there before corrupting and counting them
      await eventually('goals in the read model', async () => {
        if (relay.published < 300) return false;
        const r = await store.pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${schema}".rm_goal`);
        return Number(r.rows[0]!.n) > 0;
      });
      // a projection bug shipped: every stored goal row is wrong, and later events keep it wrong
      await corruptAllGoals(store, schema);
      await corrupt(store, `UPDATE "${schema}".rm_goal_count SET counts = '{}', goals = 0`);
      const queries = (async () => {
        while (querying) {
          await store.pool
            .query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${schema}".rm_goal`)
            .then((r) => answers.push(Number(r.rows[0]!.n)))
            .catch((e: Error) => failures.push(e.message));
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      const stamps = () =>
        store.pool
          .query<{ name: string; stamp: string }>(
            `SELECT name, stamp FROM "${schema}".rm_projection_checkpoint WHERE name LIKE 'planning.goals@%' ORDER BY name`,
          )
          .then((r) => r.rows);
      const before = await stamps();
      expect(before.length).toBeGreaterThan(0);
      // the keyed goal counts with them: their documents and stream records are swapped in under live workers
      const { applied } = await rebuildProjections({
        store,
        catalog,
        projections: [goalsProjection, goalCountsProjection],
      });
      // every goals checkpoint has a new stamp: the read cache's answers on the old tables are unreachable
      // (a partition whose first goal event arrives during the rebuild gains its checkpoint row then: no cached answer can name it)
      const after = new Map((await stamps()).map((r) => [r.name, r.stamp]));
      expect(before.filter((r) => !after.has(r.name))).toEqual([]);
      expect(before.filter((r) => after.get(r.name) === r.stamp)).toEqual([]);
      querying = false;
      await queries;
      expect(applied).toBeGreaterThan(300);
      expect(failures).toEqual([]);
      expect(answers.length).toBeGreaterThan(0);
      expect(answers.every((n) => n > 0)).toBe(true);

      await load.stop();
      await eventually(
        'the outbox drains',
        async () => (await testing.outboxSize((q) => store.pool.query(q), schema)) === 0,
      );
      for (const w of workers) await eventually(w.groupId, () => groupCaughtUp(w.groupId, w.topics));
      const replay = await testing.freshReplay(store, `${schema}_r`);
      expect(healed).toBe(0);
      expect(await testing.dumpReadModels(schema)).toEqual(replay);
    } finally {
      querying = false;
      await load.stop();
      for (const w of workers) await w.stop();
      await relay.stop();
      await orm.close();
      await store.close();
      await dropSchema(schema);
    }
  });
});

/** Overwrites every goal row; retried when it deadlocks with a worker writing the same rows. */
function corruptAllGoals(store: PostgresEventStore, schema: string): Promise<void> {
  return corrupt(store, `UPDATE "${schema}".rm_goal SET project_name = 'corrupted'`);
}

/** Runs a corrupting update; retried when it deadlocks with a worker writing the same rows. */
async function corrupt(store: PostgresEventStore, sql: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.pool.query(sql);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt >= 10) throw error;
    }
  }
}
