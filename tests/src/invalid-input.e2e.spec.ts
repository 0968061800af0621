import {
  as,
  goalInput,
  REGISTER_UNIT,
  REVISE_INDICATOR,
  startTestPlatform,
  SUBMIT_GOAL,
  validIndicators,
} from './support/platform';

/**
 * Bad input gets a clear code and a message in Chinese and English, never a stack trace,
 * and the event store is exactly as it was.
 */
describe('invalid input through the gateway', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  let unitId: string;
  let goal: { id: string; indicators: { id: string; name: string }[] };

  beforeAll(async () => {
    p = await startTestPlatform();
    const unit = await p.gql(
      REGISTER_UNIT,
      { input: { code: '201001', name: '天门市农业农村局', level: 'FIRST', divisionCode: '429006' } },
      as('ADMIN'),
    );
    unitId = unit.data!.registerBudgetUnit.id;
    goal = (await p.gql(SUBMIT_GOAL, { input: goalInput(unitId) }, officer())).data!.submitGoal;
  });

  /** The unit's own officer; registering units is the administrator's. */
  const officer = () => as('BUDGET_UNIT', unitId);
  const callerFor = (query: string) => (query === REGISTER_UNIT ? as('ADMIN') : officer());
  afterAll(async () => p.dispose());

  /** Runs the operation and checks the store did not change. */
  async function refused(query: string, variables: Record<string, unknown>) {
    const before = await p.allEvents();
    const result = await p.gql(query, variables, callerFor(query));
    expect(await p.allEvents()).toEqual(before);
    expect(
      result.data?.submitGoal ?? result.data?.reviseIndicator ?? result.data?.registerBudgetUnit ?? null,
    ).toBeNull();
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.raw).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+/);
    return result.errors![0]!;
  }

  it('refuses a goal with fewer than 3 indicators', async () => {
    const error = await refused(SUBMIT_GOAL, {
      input: goalInput(unitId, { indicators: validIndicators().slice(0, 2) }),
    });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.messageZh).toMatch(/至少.*3/);
    expect(error.extensions?.messageEn).toMatch(/at least 3/i);
    expect(error.extensions?.issues.map((i: { path: string }) => i.path)).toContain('indicators');
  });

  it('refuses a goal without a benefit indicator', async () => {
    const noBenefit = validIndicators().filter((i) => i.level1 !== 'BENEFIT');
    noBenefit.push({ ...validIndicators()[0]!, name: '新增学位数' });
    const error = await refused(SUBMIT_GOAL, { input: goalInput(unitId, { indicators: noBenefit }) });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/效益|BENEFIT/);
  });

  it('refuses negative points, naming the indicator', async () => {
    const indicators = validIndicators();
    indicators[1]!.points = -5;
    const error = await refused(SUBMIT_GOAL, { input: goalInput(unitId, { indicators }) });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'indicators[1].points' })]),
    );
  });

  it('refuses an unknown operator', async () => {
    const indicators = validIndicators();
    (indicators[0] as Record<string, unknown>).operator = 'BETWEEN';
    const error = await refused(SUBMIT_GOAL, { input: goalInput(unitId, { indicators }) });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/BETWEEN/);
  });

  it('refuses missing required fields', async () => {
    const { projectName: _omitted, ...input } = goalInput(unitId);
    const error = await refused(SUBMIT_GOAL, { input });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/projectName/);
  });

  it('refuses a goal for a unit that does not exist', async () => {
    const error = await refused(SUBMIT_GOAL, { input: goalInput('no-such-unit') });
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.extensions?.messageZh).toMatch(/预算单位/);
  });

  const revision = (goalId: string, indicatorId: string, expectedVersion?: number) => ({
    input: {
      goalId,
      expectedVersion,
      reason: '调整目标值',
      indicator: { ...validIndicators()[0], id: indicatorId, targetValue: 20 },
    },
  });

  it('refuses to revise a goal that does not exist', async () => {
    const error = await refused(REVISE_INDICATOR, revision('00000000-0000-4000-8000-000000000000', 'x'));
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.extensions?.messageEn).toMatch(/does not exist/);
  });

  it('refuses a stale expected version with CONFLICT', async () => {
    const ok = await p.gql(REVISE_INDICATOR, revision(goal.id, goal.indicators[0]!.id, 1), officer());
    expect(ok.errors).toBeUndefined();
    const error = await refused(REVISE_INDICATOR, revision(goal.id, goal.indicators[0]!.id, 1));
    expect(error.extensions?.code).toBe('CONFLICT');
    expect(error.extensions?.messageZh).toMatch(/期望版本 1，实际版本 2/);
  });

  it('refuses a unit code that is already registered, even with a fresh command id', async () => {
    const input = {
      code: '201001',
      name: '另一个单位',
      level: 'FIRST',
      divisionCode: '429006',
      commandId: 'c0ffee00-0000-4000-8000-0000000000aa',
    };
    const error = await refused(REGISTER_UNIT, { input });
    expect(error.extensions?.code).toBe('ILLEGAL_STATE');
    expect(error.extensions?.messageZh).toMatch(/已被「天门市农业农村局」使用/);
  });

  it('refuses an oversized text through the catalog schema, not a crash', async () => {
    const error = await refused(SUBMIT_GOAL, { input: goalInput(unitId, { projectName: '项'.repeat(201) }) });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.issues[0].path).toBe('projectName');
  });
});
