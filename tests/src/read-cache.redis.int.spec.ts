import Redis from 'ioredis';
import { dropSchema, freshSchemaName, testing, TEST_PG_URL } from '@jixiao/infra';
import { as, PROPOSE_PROJECT, projectInput, startTestPlatform } from './support/platform';
import { ok, registerUnits } from './support/walk';

const COVERAGE = `query($year: Int!) { goalCoverage(fiscalYear: $year) { unit { id } projects projectsWithApprovedGoal } }`;

/**
 * With Redis configured, the hottest queries read through the read cache, keyed by the versions
 * of the projections they read. To tell a cached answer from a computed one, the test deletes the
 * read-model rows behind the platform's back: only a cached answer still shows them.
 */
describe('the Redis read cache', () => {
  const schema = freshSchemaName('cache');
  const redis = new Redis(testing.TEST_REDIS_URL);
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  let bureau: string;
  let school: string;
  beforeAll(async () => {
    p = await startTestPlatform({
      storage: { kind: 'postgres', connectionString: TEST_PG_URL, schema },
      redisUrl: testing.TEST_REDIS_URL,
    });
    ({ bureau, school } = await registerUnits(p));
  });
  afterAll(async () => {
    await p?.dispose();
    await dropSchema(schema);
    await redis.quit();
  });

  it('answers from the cache until a projection it reads moves, then computes afresh', async () => {
    await ok(p, PROPOSE_PROJECT, { input: projectInput(bureau) }, as('BUDGET_UNIT', bureau, 'zhang.wei'));
    const first = await ok(p, COVERAGE, { year: 2024 });
    expect(first).toEqual([{ unit: { id: bureau }, projects: 1, projectsWithApprovedGoal: 0 }]);
    expect(await redis.keys(`${schema}:cache:goalCoverage:*`)).toHaveLength(1);

    await testing.withPgClient((c) => c.query(`delete from "${schema}".rm_project`));
    // nothing the projections know of changed: the cached answer still stands
    expect(await ok(p, COVERAGE, { year: 2024 })).toEqual(first);

    // a new project moves the projects projection: the query is computed again, without the deleted row
    await ok(p, PROPOSE_PROJECT, { input: projectInput(school) }, as('BUDGET_UNIT', school, 'li.ming'));
    expect(await ok(p, COVERAGE, { year: 2024 })).toEqual([
      { unit: { id: school }, projects: 1, projectsWithApprovedGoal: 0 },
    ]);
  });

  it('keeps each caller’s scope apart: a unit never gets an answer cached for the whole city', async () => {
    await ok(p, PROPOSE_PROJECT, { input: projectInput(bureau) }, as('BUDGET_UNIT', bureau, 'zhang.wei'));
    await ok(p, PROPOSE_PROJECT, { input: projectInput(school) }, as('BUDGET_UNIT', school, 'li.ming'));
    const city = await ok(p, COVERAGE, { year: 2024 });
    expect(city.map((c: { unit: { id: string } }) => c.unit.id)).toEqual(expect.arrayContaining([bureau, school]));
    const own = await ok(p, COVERAGE, { year: 2024 }, as('BUDGET_UNIT', school, 'li.ming'));
    expect(own.map((c: { unit: { id: string } }) => c.unit.id)).toEqual([school]);
  });
});
