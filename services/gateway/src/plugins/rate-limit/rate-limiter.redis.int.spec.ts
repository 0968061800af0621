import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { memoryRateLimiter, redisRateLimiter, type RateLimiter } from './rate-limiter';

const REDIS_URL = process.env['JIXIAO_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Spends `n` requests of `key` and reports which were allowed. */
const spend = async (limiter: RateLimiter, key: string, n: number) => {
  const allowed: boolean[] = [];
  for (let i = 0; i < n; i++) allowed.push((await limiter.consume(key)).allowed);
  return allowed;
};

describe('per-user rate limiters', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(REDIS_URL, { lazyConnect: true });
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('in memory: allows the budget, then refuses with a retry delay, per key', async () => {
    const limiter = memoryRateLimiter(3);
    expect(await spend(limiter, 'zhang.wei', 4)).toEqual([true, true, true, false]);
    expect((await limiter.consume('zhang.wei')).retryAfterMs).toBeGreaterThan(0);
    expect(await spend(limiter, 'li.na', 1)).toEqual([true]);
  });

  it('in Redis: two gateways share one budget per user', async () => {
    const keyPrefix = `jixiao:test:${randomUUID()}`;
    const first = redisRateLimiter(redis, 3, { keyPrefix });
    const second = redisRateLimiter(redis, 3, { keyPrefix });
    expect([...(await spend(first, 'zhang.wei', 2)), ...(await spend(second, 'zhang.wei', 2))]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(await spend(second, 'li.na', 1)).toEqual([true]);
  });
});
