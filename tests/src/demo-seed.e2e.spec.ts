import { as, startTestPlatform } from './support/platform';

const QUERY = `{ budgetUnits { totalCount } goals(filter: { fiscalYear: 2023 }) { totalCount nodes { status unit { name } indicators { name } } } }`;

describe('a first start on an empty store (JIXIAO_SEED=demo)', () => {
  it('answers the first query with the demo city, and does not seed it again on the next start', async () => {
    const first = await startTestPlatform({ seed: 'demo' });
    expect(first.seeded?.events).toBeGreaterThan(100);
    await first.caughtUp();
    const answer = await first.gql(QUERY, undefined, as('AUDITOR'));
    expect(answer.data!.budgetUnits.totalCount).toBe(8);
    expect(answer.data!.goals.totalCount).toBe(30);
    expect(answer.data!.goals.nodes[0]!.unit.name).toMatch(/^天门/);
    const events = (await first.store.readAll()).length;
    await first.dispose({ keepData: true });

    const again = await startTestPlatform({ dir: first.dir, seed: 'demo' });
    try {
      expect(again.seeded).toBeNull();
      expect(await again.store.readAll()).toHaveLength(events);
    } finally {
      await again.dispose();
    }
  });
});
