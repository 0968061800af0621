import Redis from 'ioredis';
import { dropSchema, freshSchemaName, testing, TEST_PG_URL } from '@jixiao/infra';
import { startTestPlatform } from './support/platform';
import { readCacheBehaviour } from './support/read-cache.behaviour';

describe('the Redis read cache', () => {
  const schema = freshSchemaName('cache');
  const redis = new Redis(testing.TEST_REDIS_URL);
  let p: Awaited<ReturnType<typeof startTestPlatform>> | undefined;
  afterAll(async () => {
    await p?.dispose();
    await dropSchema(schema);
    await redis.quit();
  });

  readCacheBehaviour(
    async () =>
      (p = await startTestPlatform({
        storage: { kind: 'postgres', connectionString: TEST_PG_URL, schema },
        redisUrl: testing.TEST_REDIS_URL,
      })),
    async () => expect(await redis.keys(`${schema}:cache:goalCoverage:*`)).toHaveLength(1),
  );
});
