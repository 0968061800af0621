import 'reflect-metadata';
import { allProjections, catalog } from '@jixiao/contexts';
import { publishApplied, type AppliedEvent } from '@jixiao/service-kit';
import { ProjectionWorker } from './bus/projection-worker';
import { STREAM_CATEGORIES } from './bus/topics';
import { serveProcessHealth, startedCheck } from './distributed/health';
import { loadDistributedConfig, loadWorkerSettings, runProcess } from './distributed/runtime';
import { PostgresEventStore } from './event-store/postgres-event-store';
import { openReadModels } from './read-models/orm';
import { openRedis } from './redis';

/**
 * `node infra/dist/worker-main.js`: one member of each projection's consumer group
 * (`JIXIAO_PROJECTIONS=planning.goals,…` to run only some). Start more for more partitions.
 * With `JIXIAO_HEALTH_PORT`, serves `/healthz` and `/readyz` (every group joined, PostgreSQL answers).
 */
runProcess('projection worker', async () => {
  const { config, postgres, distributed } = loadDistributedConfig();
  const settings = loadWorkerSettings(
    process.env,
    allProjections.map((p) => p.name),
  );
  const projections = allProjections.filter((p) => settings.projections.includes(p.name));
  const store = await PostgresEventStore.open({ ...postgres, catalog, outbox: true });
  let joined = false;
  const health = await serveProcessHealth(
    {
      process: `worker ${settings.projections.join(',')}`,
      checks: {
        groups: startedCheck(() => joined, 'joining the consumer groups'),
        postgres: () => store.pool.query('SELECT 1'),
      },
    },
    config.host,
  );
  const orm = await openReadModels({ kind: 'postgres', ...postgres }, 'refuse');
  // tells the services' subscriptions what each batch applied (Redis pub/sub; nothing stored)
  const redis = openRedis(distributed.redisUrl, 'applied feed');
  const onApplied = (projection: string, events: AppliedEvent[]) =>
    publishApplied(redis, projection, events, { channelPrefix: distributed.topicPrefix });
  const { sessionTimeoutMs: session, logBatches } = settings;
  const workers = projections.map(
    (projection) =>
      new ProjectionWorker({
        kafka: { brokers: distributed.kafkaBrokers },
        topicPrefix: distributed.topicPrefix,
        orm,
        catalog,
        projection,
        categories: STREAM_CATEGORIES,
        store,
        sessionTimeoutMs: session,
        journal: settings.batchJournal,
        onApplied,
        onBatch: logBatches
          ? (b) => console.log(`batch ${projection.name} ${b.topic}/${b.partition} ${b.events}`)
          : undefined,
      }),
  );
  for (const worker of workers) await startWithRetry(worker);
  joined = true;
  console.log(`projection worker started: ${projections.map((p) => p.name).join(', ')}`);
  return async () => {
    // in parallel: each leaves its group after its in-flight fetch (at most a second) returns
    await Promise.all(workers.map((worker) => worker.stop()));
    await orm.close();
    await store.close();
    await redis.quit();
    await health?.close();
  };
});

/** Kafka can refuse a join for a while (a coordinator moving, a dead member not yet expired): retry. */
async function startWithRetry(worker: ProjectionWorker): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await worker.start();
    } catch (error) {
      if (attempt >= 10) throw error;
      console.error(`projection worker ${worker.groupId}: ${(error as Error).message}; retrying`);
      await worker.stop().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
