import { catalog } from '@jixiao/contexts';
import { OutboxRelay } from './bus/outbox-relay';
import { serveProcessHealth } from './distributed/health';
import { loadDistributedConfig, runProcess } from './distributed/runtime';
import { PostgresEventStore } from './event-store/postgres-event-store';

/**
 * `node infra/dist/relay-main.js`: publishes the outbox to Kafka. Run as many as you like; one leads.
 * With `JIXIAO_HEALTH_PORT`, serves `/healthz` and `/readyz` (PostgreSQL answers; `leader` says
 * whether this one publishes — a standby is ready too).
 */
runProcess('outbox relay', async () => {
  const { config, postgres, distributed } = loadDistributedConfig();
  // opening the store creates the schema and the outbox table if they are missing; its pool answers /readyz
  const store = await PostgresEventStore.open({ ...postgres, catalog, outbox: true, pool: { max: 1 } });
  const relay = new OutboxRelay({
    ...postgres,
    kafka: { brokers: distributed.kafkaBrokers },
    topicPrefix: distributed.topicPrefix,
    onError: (error) => console.error(`outbox relay: ${(error as Error).message}; retrying`),
    onPublished: process.env.JIXIAO_LOG_BATCHES === '1' ? (n) => console.log(`published ${n}`) : undefined,
  });
  relay.start();
  const health = await serveProcessHealth(
    {
      process: 'relay',
      checks: { postgres: () => store.pool.query('SELECT 1') },
      details: async () => ({ leader: relay.leader, published: relay.published }),
    },
    config.host,
  );
  console.log(`outbox relay started: ${postgres.schema} → ${distributed.kafkaBrokers.join(',')}`);
  return async () => {
    await relay.stop();
    await store.close();
    await health?.close();
  };
});
