import { as, startTestPlatform } from './support/platform';

const COUNTS = `query($unitId: ID) { goalStatusCounts(fiscalYear: 2023, unitId: $unitId) { status count } }`;
const STATUSES = ['DRAFT', 'SUBMITTED', 'FINANCE_REVIEW', 'RETURNED', 'APPROVED', 'ISSUED', 'ADJUSTED'];

describe('goalStatusCounts on the demo year (工作台 and 统计分析: goals by status in one read)', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    platform = await startTestPlatform({ seed: 'demo' });
    expect(await platform.caughtUp()).toBe(true);
  });
  afterAll(() => platform.dispose());

  /** What the goals list answers per status for this caller: its totalCount under each status filter. */
  async function listTotals(caller: ReturnType<typeof as>) {
    const totals: Record<string, number> = {};
    for (const status of STATUSES) {
      const { data, errors } = await platform.gql(
        `query($status: GoalStatus) { goals(filter: { fiscalYear: 2023, status: $status }, page: { first: 1 }) { totalCount } }`,
        { status },
        caller,
      );
      expect(errors).toBeUndefined();
      totals[status] = data!.goals.totalCount;
    }
    return totals;
  }

  const countsOf = (rows: { status: string; count: number }[]) =>
    Object.fromEntries(rows.map((r) => [r.status, r.count]));

  it('answers every status with what the goals list counts under that status, for the whole city', async () => {
    const caller = as('PERFORMANCE_SECTION');
    const { data, errors } = await platform.gql(COUNTS, {}, caller);
    expect(errors).toBeUndefined();
    expect(data!.goalStatusCounts.map((r: { status: string }) => r.status)).toEqual(STATUSES);
    const expected = await listTotals(caller);
    // not a comparison of zeros: the demo year has goals in several states
    expect(Object.values(expected).filter((n) => n > 0).length).toBeGreaterThan(2);
    expect(countsOf(data!.goalStatusCounts)).toEqual(expected);
  });

  it("counts only a budget unit's own goals, as its goals list does, and the unit asked for within the scope", async () => {
    const { data: units } = await platform.gql(
      `{ goals(filter: { fiscalYear: 2023 }, page: { first: 200 }) { nodes { unit { id } } } }`,
      undefined,
      as('PERFORMANCE_SECTION'),
    );
    const unitIds = [...new Set(units!.goals.nodes.map((n: { unit: { id: string } }) => n.unit.id))] as string[];
    expect(unitIds.length).toBeGreaterThan(1);
    const [own, other] = unitIds as [string, string];
    const unit = as('BUDGET_UNIT', own);
    const { data, errors } = await platform.gql(COUNTS, {}, unit);
    expect(errors).toBeUndefined();
    const counted = countsOf(data!.goalStatusCounts);
    const expected = await listTotals(unit);
    expect(counted).toEqual(expected);
    const all = countsOf((await platform.gql(COUNTS, {}, as('PERFORMANCE_SECTION'))).data!.goalStatusCounts);
    const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    expect(sum(counted)).toBeGreaterThan(0);
    expect(sum(counted)).toBeLessThan(sum(all));
    // another unit asked for by name: the scope narrows it to nothing
    const { data: elsewhere } = await platform.gql(COUNTS, { unitId: other }, unit);
    expect(sum(countsOf(elsewhere!.goalStatusCounts))).toBe(0);
    const { data: ownAsked } = await platform.gql(COUNTS, { unitId: own }, unit);
    expect(countsOf(ownAsked!.goalStatusCounts)).toEqual(counted);
  });

  it('refuses a role that may not read goals', async () => {
    const { data, errors } = await platform.gql(COUNTS, {}, as('ADMIN'));
    expect(data?.goalStatusCounts ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
