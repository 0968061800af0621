import { catalog } from '@jixiao/events';
import { OutboxRelay } from './bus/outbox-relay';
import { loadDistributedConfig, runProcess } from './distributed/runtime';
import { PostgresEventStore } from './event-store/postgres-event-store';

/** `node infra/dist/relay-main.js`: publishes the outbox to Kafka. Run as many as you like; one leads. */
runProcess('outbox relay', async () => {
  const { postgres, distributed } = loadDistributedConfig();
  // opening the store creates the schema and the outbox table if they are missing
  const store = await PostgresEventStore.open({ ...postgres, catalog, outbox: true });
  await store.close();
  const relay = new OutboxRelay({
    ...postgres,
    kafka: { brokers: distributed.kafkaBrokers },
    topicPrefix: distributed.topicPrefix,
    onError: (error) => console.error(`outbox relay: ${(error as Error).message}; retrying`),
    onPublished: process.env.JIXIAO_LOG_BATCHES === '1' ? (n) => console.log(`published ${n}`) : undefined,
  });
  relay.start();
  console.log(`outbox relay started: ${postgres.schema} → ${distributed.kafkaBrokers.join(',')}`);
  return () => relay.stop();
});
