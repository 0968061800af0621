import { catalog } from '@jixiao/contexts';
import { TEST_REDIS_URL } from '../testing/redis';
import Redis from 'ioredis';
import type { MikroORM } from '@mikro-orm/core';
import { logLevel } from 'kafkajs';
import { goalsProjection, GoalRowSchema } from '@jixiao/projections';
import { publishApplied, redisAppliedFeed, type AppliedEvent } from '@jixiao/service-kit';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { openReadModels } from '../read-models/orm';
import { dropSchema, freshSchemaName, TEST_PG_URL } from '../testing/postgres';
import { eventually, TEST_KAFKA_BROKERS } from '../testing/kafka';
import { goalSubmitted, indicatorRevised } from '../testing/goal-events';
import { OutboxRelay } from './outbox-relay';
import { ProjectionWorker } from './projection-worker';
import { STREAM_CATEGORIES } from './topics';

jest.setTimeout(180_000);

const kafka = { brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING };
const metadata = { actorId: 't', role: 'BUDGET_UNIT' };

/** The distributed path of a live update: append → outbox → Kafka → worker → Redis → a service's feed. */
describe('a projection worker publishing what it applied to Redis', () => {
  let schema: string;
  let store: PostgresEventStore;
  let orm: MikroORM;
  let redis: Redis;
  const stops: (() => Promise<unknown>)[] = [];
  beforeEach(async () => {
    schema = freshSchemaName('ap');
    store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog, outbox: true });
    orm = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
    redis = new Redis(TEST_REDIS_URL);
  });
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    await redis.quit();
    await orm.close();
    await store.close();
    await dropSchema(schema);
  });

  it('tells a service’s feed of each applied goal event, once the read model already shows it', async () => {
    const feed = redisAppliedFeed(TEST_REDIS_URL, { channelPrefix: schema });
    stops.push(() => feed.close());
    const heard: { event: AppliedEvent; version: number | null }[] = [];
    await feed.subscribe(goalsProjection.name, (events) => {
      for (const event of events) {
        // what a subscription does next: read the row; it must already be at this version
        void orm.em
          .fork()
          .findOne(GoalRowSchema, { goalId: event.streamId.replace(/^goal-/, '') })
          .then((row) => heard.push({ event, version: row?.lastVersion ?? null }));
      }
    });
    const worker = new ProjectionWorker({
      kafka,
      orm,
      catalog,
      projection: goalsProjection,
      store,
      categories: STREAM_CATEGORIES,
      topicPrefix: schema,
      onApplied: (projection, events) => publishApplied(redis, projection, events, { channelPrefix: schema }),
    });
    stops.push(() => worker.stop());
    await worker.start();
    const relay = new OutboxRelay({ connectionString: TEST_PG_URL, schema, kafka, topicPrefix: schema, retryMs: 200 });
    stops.push(() => relay.stop());
    relay.start();

    await store.appendToStream('goal-g1', [goalSubmitted('g1')], { expectedVersion: 0, metadata });
    await store.appendToStream('goal-g1', [indicatorRevised('g1', 2)], { expectedVersion: 1, metadata });
    await eventually('both events heard', async () => heard.length >= 2, 120_000);

    heard.sort((a, b) => a.event.streamVersion - b.event.streamVersion);
    expect(heard.map((h) => `${h.event.streamId}@${h.event.streamVersion} ${h.event.type}`)).toEqual([
      'goal-g1@1 GoalSubmitted',
      'goal-g1@2 IndicatorRevised',
    ]);
    for (const { event, version } of heard) expect(version).toBeGreaterThanOrEqual(event.streamVersion);
  });
});
