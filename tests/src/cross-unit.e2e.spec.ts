import { expectNoWrite, seedFixture, type Fixture } from './support/fixture';
import {
  as,
  goalInput,
  projectInput,
  PROPOSE_PROJECT,
  REVISE_INDICATOR,
  startTestPlatform,
  SUBMIT_GOAL,
  validIndicators,
} from './support/platform';

/**
 * A budget unit reaches only its own rows. Another unit's goal, by id or in a list, looks exactly
 * like one that does not exist, and an attempt to change it writes nothing.
 */
describe('a budget unit and another unit’s goal', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  let f: Fixture;
  beforeAll(async () => {
    p = await startTestPlatform();
    f = await seedFixture(p);
  });
  afterAll(async () => p.dispose());

  const unitB = () => as('BUDGET_UNIT', f.unitIds.B, 'li.b');

  const writesNothing = <T>(request: () => Promise<T>) => expectNoWrite(p, request);

  it('reads it by id as NOT_FOUND, worded like a goal that does not exist', async () => {
    const other = await p.gql('query($id: ID!) { goal(id: $id) { id } }', { id: f.goalIds.A }, unitB());
    const missing = await p.gql(
      'query($id: ID!) { goal(id: $id) { id } }',
      { id: '00000000-0000-4000-8000-000000000000' },
      unitB(),
    );
    expect(other.data?.goal ?? null).toBeNull();
    expect(other.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      messageEn: `Goal ${f.goalIds.A} does not exist`,
    });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lists only its own goals, even when it filters by the other unit', async () => {
    const all = await p.gql('{ goals { nodes { id } totalCount } }', undefined, unitB());
    expect(all.data!.goals).toEqual({ nodes: [{ id: f.goalIds.B }], totalCount: 1 });
    const filtered = await p.gql(
      'query($u: ID) { goals(filter: { unitId: $u }) { nodes { id } totalCount } }',
      { u: f.unitIds.A },
      unitB(),
    );
    expect(filtered.data!.goals).toEqual({ nodes: [], totalCount: 0 });
    const units = await p.gql('{ budgetUnits { nodes { id } totalCount } }', undefined, unitB());
    expect(units.data!.budgetUnits).toEqual({ nodes: [{ id: f.unitIds.B }], totalCount: 1 });
  });

  it('cannot revise it: NOT_FOUND, and no event is written', async () => {
    const goal = await f.freshGoal('A');
    const result = await writesNothing(() =>
      p.gql(
        REVISE_INDICATOR,
        {
          input: {
            goalId: goal.id,
            reason: '越权修改',
            indicator: { ...validIndicators()[0], id: goal.indicators[0]!.id, targetValue: 1 },
          },
        },
        unitB(),
      ),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('cannot submit a goal in its name: NOT_FOUND, and no event is written', async () => {
    const result = await writesNothing(() => p.gql(SUBMIT_GOAL, { input: goalInput(f.projectIds.A) }, unitB()));
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('is told another unit and its project are "not found or not in your scope", as if they did not exist', async () => {
    const missing = '00000000-0000-4000-8000-00000000abcd';
    /** The refusal with the id taken out: another unit's row and a missing one must read the same. */
    const refusal = async (query: string, input: Record<string, unknown>, id: string) => {
      const result = await writesNothing(() => p.gql(query, { input }, unitB()));
      const { code, messageZh, messageEn } = result.errors?.[0]?.extensions ?? {};
      return { code, messageZh: messageZh?.replace(id, '<id>'), messageEn: messageEn?.replace(id, '<id>') };
    };
    const proposeFor = (unitId: string) => refusal(PROPOSE_PROJECT, projectInput(unitId), unitId);
    expect(await proposeFor(f.unitIds.A)).toEqual({
      code: 'NOT_FOUND',
      messageZh: '预算单位 <id> 不存在或不在您的权限范围内',
      messageEn: 'Budget unit <id> was not found or is not in your scope',
    });
    expect(await proposeFor(missing)).toEqual(await proposeFor(f.unitIds.A));

    const goalFor = (projectId: string) => refusal(SUBMIT_GOAL, goalInput(projectId), projectId);
    expect(await goalFor(f.projectIds.A)).toEqual({
      code: 'NOT_FOUND',
      messageZh: '项目 <id> 不存在或不在您的权限范围内',
      messageEn: 'Project <id> was not found or is not in your scope',
    });
    expect(await goalFor(missing)).toEqual(await goalFor(f.projectIds.A));
  });

  it('cannot review, not even its own goal: FORBIDDEN, and no event is written', async () => {
    const result = await writesNothing(() =>
      p.gql(
        'mutation($input: ReviewGoalInput!) { reviewGoal(input: $input) { status } }',
        { input: { goalId: f.goalIds.B, result: 'APPROVE', comment: '自己批准' } },
        unitB(),
      ),
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      messageEn: 'Role BUDGET_UNIT may not run Mutation.reviewGoal',
    });
  });

  it('lets a department reach its subordinate unit’s goal but not an unrelated one', async () => {
    const dept = as('DEPARTMENT', f.unitIds.A);
    const listed = await p.gql('{ goals(page: { first: 200 }) { nodes { unit { id } } } }', undefined, dept);
    const unitIds = new Set(listed.data!.goals.nodes.map((n: { unit: { id: string } }) => n.unit.id));
    expect([...unitIds].sort()).toEqual([f.unitIds.A, f.unitIds.A1].sort());
    const own = await p.gql('query($id: ID!) { goal(id: $id) { id } }', { id: f.goalIds.A1 }, dept);
    expect(own.errors).toBeUndefined();
    const other = await writesNothing(() => p.gql(SUBMIT_GOAL, { input: goalInput(f.projectIds.B) }, dept));
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('is told of a database failure while copying a sample, not that the sample is missing', async () => {
    const knex = (p.orm.em as unknown as { getKnex(): { raw(sql: string): Promise<unknown> } }).getKnex();
    const copy = () =>
      p.gql(
        'mutation($input: DraftGoalFromSampleInput!) { draftGoalFromSample(input: $input) { id } }',
        { input: { sampleGoalId: f.sampleGoalId, projectId: f.projectIds.B } },
        unitB(),
      );
    // the indicators table unreadable: reading the sample fails as a broken database does
    await knex.raw('alter table rm_indicator rename to rm_indicator_away');
    try {
      const failed = await writesNothing(copy);
      expect(failed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await knex.raw('alter table rm_indicator_away rename to rm_indicator');
    }
  });

  it('cannot read another unit’s goal back by reusing its command id', async () => {
    const commandId = 'c0ffee00-0000-4000-8000-0000000000c1';
    const first = await p.gql(
      SUBMIT_GOAL,
      { input: goalInput(await f.freshProject('A'), { commandId }) },
      as('BUDGET_UNIT', f.unitIds.A),
    );
    expect(first.errors).toBeUndefined();
    const replayed = await writesNothing(() =>
      p.gql(SUBMIT_GOAL, { input: goalInput(f.projectIds.B, { commandId }) }, unitB()),
    );
    expect(replayed.data?.submitGoal ?? null).toBeNull();
    // another stream, so another command: refused without a word of the goal the id first wrote
    expect(replayed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(JSON.stringify(replayed)).not.toContain(first.data!.submitGoal.id);
  });
});
