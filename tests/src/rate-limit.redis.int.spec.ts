import { testing } from '@jixiao/infra';
import { randomUUID } from 'node:crypto';
import { as, startTestPlatform } from './support/platform';

/** With JIXIAO_testing.TEST_REDIS_URL the per-user budget lives in Redis: two platforms spend one budget. */
describe('rate limits kept in Redis', () => {
  let first: Awaited<ReturnType<typeof startTestPlatform>>;
  let second: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    first = await startTestPlatform({ ratePerMinute: 3, redisUrl: testing.TEST_REDIS_URL });
    second = await startTestPlatform({ ratePerMinute: 3, redisUrl: testing.TEST_REDIS_URL });
  });
  afterAll(async () => {
    await first?.dispose();
    await second?.dispose();
  });

  it('refuses a user’s fourth request in a minute, whichever gateway it reaches', async () => {
    const caller = as('AUDITOR', null, `redis.${randomUUID()}`);
    const codes = [];
    for (const p of [first, second, first, second]) {
      const result = await p.gql('{ budgetUnits { totalCount } }', undefined, caller);
      codes.push(result.errors?.[0]?.extensions?.code ?? result.status);
    }
    expect(codes).toEqual([200, 200, 200, 'RATE_LIMITED']);
  });
});
