import {
  as,
  goalInput,
  projectInput,
  PROPOSE_PROJECT,
  REGISTER_UNIT,
  REVISE_INDICATOR,
  startTestPlatform,
  SUBMIT_GOAL,
  validIndicators,
  OPINION,
  JOINT_REVIEWERS,
  type Caller,
} from './support/platform';

/**
 * Bad input gets a clear code and a message in Chinese and English, never a stack trace,
 * and the event store is exactly as it was.
 */
describe('invalid input through the gateway', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  let unitId: string;
  let projectId: string;
  let emptyProjectId: string;
  let goal: { id: string; indicators: { id: string; name: string }[] };
  let returnedGoal: { id: string; indicators: { id: string; name: string }[] };

  beforeAll(async () => {
    p = await startTestPlatform();
    const unit = await p.gql(
      REGISTER_UNIT,
      { input: { code: '201001', name: '天门市农业农村局', level: 'FIRST', divisionCode: '429006' } },
      as('ADMIN'),
    );
    unitId = unit.data!.registerBudgetUnit.id;
    projectId = (await p.gql(PROPOSE_PROJECT, { input: projectInput(unitId) }, officer())).data!.proposeProject.id;
    goal = (await p.gql(SUBMIT_GOAL, { input: goalInput(projectId) }, officer())).data!.submitGoal;
    const second = (await p.gql(PROPOSE_PROJECT, { input: projectInput(unitId) }, officer())).data!.proposeProject.id;
    returnedGoal = (await p.gql(SUBMIT_GOAL, { input: goalInput(second) }, officer())).data!.submitGoal;
    // refusals of a new goal's content are shown on a project that has no goal yet
    emptyProjectId = (await p.gql(PROPOSE_PROJECT, { input: projectInput(unitId) }, officer())).data!.proposeProject.id;
    for (const reviewer of JOINT_REVIEWERS) {
      await p.gql(OPINION, { input: { goalId: returnedGoal.id, opinion: 'APPROVE' } }, reviewer);
    }
    await p.gql(
      `mutation($input: ReviewGoalInput!) { reviewGoal(input: $input) { status } }`,
      { input: { goalId: returnedGoal.id, result: 'RETURN', comment: '请修改' } },
      performance,
    );
  });
  afterAll(async () => p.dispose());

  /** The unit's own officer; registering units is the administrator's. */
  const officer = () => as('BUDGET_UNIT', unitId);
  const performance = as('PERFORMANCE_SECTION', null, 'li.na');
  const callerFor = (query: string) => (query === REGISTER_UNIT ? as('ADMIN') : officer());

  /** Runs the operation (as its usual caller unless told) and checks the store did not change. */
  async function refused(query: string, variables: Record<string, unknown>, caller?: Caller) {
    const before = await p.allEvents();
    const result = await p.gql(query, variables, caller ?? callerFor(query));
    expect(await p.allEvents()).toEqual(before);
    expect(Object.values(result.data ?? {}).filter((v) => v !== null)).toEqual([]);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.raw).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+/);
    return result.errors![0]!;
  }

  it('refuses a goal with fewer than 3 indicators', async () => {
    const error = await refused(SUBMIT_GOAL, {
      input: goalInput(emptyProjectId, { indicators: validIndicators().slice(0, 2) }),
    });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.messageZh).toMatch(/至少.*3/);
    expect(error.extensions?.messageEn).toMatch(/at least 3/i);
    expect(error.extensions?.issues.map((i: { path: string }) => i.path)).toContain('indicators');
  });

  it('refuses a goal without a benefit indicator', async () => {
    const noBenefit = validIndicators().filter((i) => i.level1 !== 'BENEFIT');
    noBenefit.push({ ...validIndicators()[0]!, name: '新增学位数' });
    const error = await refused(SUBMIT_GOAL, { input: goalInput(emptyProjectId, { indicators: noBenefit }) });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/效益|BENEFIT/);
  });

  it('refuses negative points, naming the indicator', async () => {
    const indicators = validIndicators();
    indicators[1]!.points = -5;
    const error = await refused(SUBMIT_GOAL, { input: goalInput(emptyProjectId, { indicators }) });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'indicators[1].points' })]),
    );
  });

  it('refuses an unknown operator', async () => {
    const indicators = validIndicators();
    (indicators[0] as Record<string, unknown>).operator = 'BETWEEN';
    const error = await refused(SUBMIT_GOAL, { input: goalInput(emptyProjectId, { indicators }) });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/BETWEEN/);
  });

  it('refuses missing required fields', async () => {
    const { overallGoal: _omitted, ...input } = goalInput(emptyProjectId);
    const error = await refused(SUBMIT_GOAL, { input });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/overallGoal/);
  });

  it('refuses a goal for a project that does not exist', async () => {
    const error = await refused(SUBMIT_GOAL, { input: goalInput('no-such-project') });
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.extensions?.messageZh).toMatch(/项目 no-such-project 不存在/);
  });

  it('refuses a project for a unit that does not exist', async () => {
    const error = await refused(PROPOSE_PROJECT, { input: projectInput('no-such-unit', { code: 'X-1' }) });
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.extensions?.messageZh).toMatch(/预算单位/);
  });

  it('refuses an edit in the wrong state, naming the state', async () => {
    const error = await refused(REVISE_INDICATOR, revision(goal.id, goal.indicators[0]!.id));
    expect(error.extensions?.code).toBe('ILLEGAL_STATE');
    expect(error.extensions?.messageZh).toMatch(/目标当前状态为「财政联审中」/);
  });

  it('refuses library admission with the missing gate conditions', async () => {
    const error = await refused(
      `mutation($input: AdmitProjectInput!) { admitProjectToLibrary(input: $input) { id } }`,
      { input: { projectId } },
      performance,
    );
    expect(error.extensions?.code).toBe('ILLEGAL_STATE');
    expect(error.extensions?.issues.map((i: { path: string }) => i.path)).toEqual([
      'APPROVED_GOAL',
      'PASSED_PRE_ASSESSMENT',
    ]);
  });

  describe('in a pre-assessment', () => {
    let preAssessmentId: string;
    const score = (points: number) => ({
      input: { preAssessmentId, dimension: 'NECESSITY', points, reason: '立项依据充分' },
    });
    const GIVE = `mutation($input: GiveScoreInput!) { giveScore(input: $input) { id } }`;
    beforeAll(async () => {
      const opened = await p.gql(
        `mutation($input: OpenPreAssessmentInput!) { openPreAssessment(input: $input) { id } }`,
        { input: { projectId, scorerIds: ['expert.chen', 'expert.wu'] } },
        performance,
      );
      preAssessmentId = opened.data!.openPreAssessment.id;
      await p.gql(GIVE, score(18), as('EXPERT', null, 'expert.chen'));
    });

    it('refuses a second score of the same dimension by the same expert', async () => {
      const error = await refused(GIVE, score(19), as('EXPERT', null, 'expert.chen'));
      expect(error.extensions?.code).toBe('ILLEGAL_STATE');
      expect(error.extensions?.messageZh).toMatch(/已对「立项必要性」评过分/);
    });

    it('refuses points above the dimension maximum', async () => {
      const error = await refused(GIVE, score(21), as('EXPERT', null, 'expert.wu'));
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.issues[0]).toMatchObject({ path: 'points', zh: expect.stringContaining('满分 20 分') });
    });
  });

  function revision(goalId: string, indicatorId: string, expectedVersion?: number) {
    return {
      input: {
        goalId,
        expectedVersion,
        reason: '调整目标值',
        indicator: { ...validIndicators()[0], id: indicatorId, targetValue: 20 },
      },
    };
  }

  it('refuses to revise a goal that does not exist', async () => {
    const error = await refused(REVISE_INDICATOR, revision('00000000-0000-4000-8000-000000000000', 'x'));
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.extensions?.messageEn).toMatch(/does not exist/);
  });

  it('refuses a stale expected version with CONFLICT', async () => {
    const ok = await p.gql(REVISE_INDICATOR, revision(returnedGoal.id, returnedGoal.indicators[0]!.id, 5), officer());
    expect(ok.errors).toBeUndefined();
    const error = await refused(REVISE_INDICATOR, revision(returnedGoal.id, returnedGoal.indicators[0]!.id, 5));
    expect(error.extensions?.code).toBe('CONFLICT');
    expect(error.extensions?.messageZh).toMatch(/期望版本 5，实际版本 6/);
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
    const error = await refused(PROPOSE_PROJECT, {
      input: projectInput(unitId, { code: 'X-2', name: '项'.repeat(201) }),
    });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.issues[0].path).toBe('name');
  });

  it('refuses a rule-profile question about a malformed division or year', async () => {
    const result = await p.gql(
      '{ ruleProfile(divisionCode: "4290", fiscalYear: 1999) { passMark } }',
      undefined,
      officer(),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.issues.map((i: { path: string }) => i.path)).toEqual([
      'divisionCode',
      'fiscalYear',
    ]);
  });
});
