import { as, startTestPlatform } from './support/platform';

const SEARCH = `query($text: String) { goals(filter: { fiscalYear: 2023, text: $text }, page: { first: 50 }) { totalCount nodes { id projectCode projectName } } }`;

describe('finding goals by text (the console’s goal search and the auditor’s 记录溯源)', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    platform = await startTestPlatform({ seed: 'demo' });
    await platform.caughtUp();
  });
  afterAll(() => platform.dispose());

  const search = async (text: string, caller = as('AUDITOR')) =>
    (await platform.gql(SEARCH, { text }, caller)).data!.goals as {
      totalCount: number;
      nodes: { id: string; projectCode: string; projectName: string }[];
    };

  it('finds a goal by its project code, whole or in part', async () => {
    const { nodes } = await search('');
    const goal = nodes[0]!;
    expect((await search(goal.projectCode)).nodes.map((g) => g.id)).toEqual([goal.id]);
    // a unit's code prefix finds that unit's goals and no other's
    const prefix = goal.projectCode.slice(0, 6);
    const byPrefix = await search(prefix);
    expect(byPrefix.totalCount).toBeGreaterThan(0);
    expect(byPrefix.nodes.every((g) => g.projectCode.startsWith(prefix) || g.projectName.includes(prefix))).toBe(true);
  });

  it('still finds goals by project name, and a budget unit only its own', async () => {
    const { nodes } = await search('');
    const goal = nodes[0]!;
    expect((await search(goal.projectName)).nodes.map((g) => g.id)).toContain(goal.id);
    const other = nodes.find((g) => g.projectCode.slice(0, 6) !== goal.projectCode.slice(0, 6))!;
    const unitOf = await platform.gql(
      `query($id: ID!) { goal(id: $id) { unit { id } } }`,
      { id: goal.id },
      as('AUDITOR'),
    );
    const unitId = unitOf.data!.goal.unit.id as string;
    // another unit's code is not a way round the unit's row scope
    expect((await search(other.projectCode, as('BUDGET_UNIT', unitId))).totalCount).toBe(0);
  });
});
