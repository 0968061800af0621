import { as, startTestPlatform } from './support/platform';
import {
  department,
  expert,
  GOAL_FIELDS,
  goalInput,
  jointReview,
  officer,
  ok,
  performance,
  preAssess,
  projectInput,
  PROPOSE_PROJECT,
  registerUnits,
  review,
  SUBMIT_DRAFT,
} from './support/walk';

const PROJECT = `query($id: ID!) { project(id: $id) { id libraryStatus allocatedTotal admittedGoalId admittedPreAssessmentId
  libraryBlockers { condition zh en } unit { name } } }`;
const QUEUE = `query { reviewQueue { totalCount nodes { id status } } }`;
const ADMIT = `mutation($input: AdmitProjectInput!) { admitProjectToLibrary(input: $input) { libraryStatus admittedGoalId admittedPreAssessmentId libraryBlockers { condition } } }`;

/**
 * One project, proposal to budget, through the gateway: the library gate refuses it until it
 * has a passed pre-assessment and an approved goal; the goal goes through the department,
 * the joint finance review, a return and a resubmission.
 */
describe('a new major project from proposal to budget (embedded platform, through the gateway)', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => p.dispose());

  it('walks proposal, pre-assessment, goal review with a return, approval, library admission and budget', async () => {
    const { bureau, school } = await registerUnits(p);
    const project = await ok(p, PROPOSE_PROJECT, { input: projectInput(school) }, officer(school));
    expect(project).toMatchObject({ libraryStatus: 'PROPOSED' });
    expect(project.libraryBlockers.map((b: { condition: string }) => b.condition)).toEqual([
      'APPROVED_GOAL',
      'PASSED_PRE_ASSESSMENT',
    ]);

    // the gate refuses, names both missing conditions, and writes nothing
    const before = (await p.allEvents()).length;
    const refused = await p.gql(ADMIT, { input: { projectId: project.id } }, performance);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_STATE' });
    expect(refused.errors?.[0]?.extensions?.messageZh).toMatch(/缺少已批准的绩效目标.*事前绩效评估/);
    expect((await p.allEvents()).length).toBe(before);
    const blocked = await ok(p, `query { projects(filter: { blockedOnly: true }) { totalCount nodes { id } } }`, {});
    expect(blocked.nodes.map((n: { id: string }) => n.id)).toEqual([project.id]);

    // pre-assessment: 20 + 18 + 18 + 17 + 15 = 88 ≥ 85 under the Hubei profile
    const pa = await preAssess(p, project.id, [20, 18, 18, 17, 15], 'SUPPORT');
    expect(pa).toMatchObject({ status: 'CONCLUDED', total: 88, passed: true, passMark: 85 });
    expect(pa.ruleProfile).toEqual({ profileId: 'builtin-hubei', version: 1 });

    // the goal: a draft with a library indicator, submitted to the supervising department
    const template = await ok(
      p,
      `mutation($input: AddIndicatorTemplateInput!) { addIndicatorTemplate(input: $input) { id usageCount } }`,
      {
        input: {
          scope: 'INDIVIDUAL',
          sector: '教育',
          level1: 'OUTPUT',
          level2: 'TIMELINESS',
          name: '项目按期完成率',
          operator: 'GTE',
          unit: '%',
          targetHint: '≥95',
        },
      },
      performance,
    );
    const [own1, , benefit, satisfaction] = goalInput(project.id).indicators;
    let goal = await ok(
      p,
      `mutation($input: DraftGoalInput!) { draftGoal(input: $input) { ${GOAL_FIELDS} } }`,
      { input: { ...goalInput(project.id), indicators: [own1, benefit] } },
      officer(school),
    );
    expect(goal.status).toBe('DRAFT');
    goal = await ok(
      p,
      `mutation($input: AddIndicatorFromTemplateInput!) { addIndicatorFromTemplate(input: $input) { ${GOAL_FIELDS} } }`,
      { input: { goalId: goal.id, templateId: template.id, targetValue: 100, points: 20 } },
      officer(school),
    );
    goal = await ok(
      p,
      `mutation($input: AddIndicatorInput!) { addIndicator(input: $input) { ${GOAL_FIELDS} } }`,
      { input: { goalId: goal.id, indicator: satisfaction } },
      officer(school),
    );
    expect(goal.indicators.map((i: { templateId: string | null }) => i.templateId)).toEqual([
      null,
      null,
      template.id,
      null,
    ]);
    const usage = `query { indicatorTemplates(search: { text: "按期", sector: "教育" }) { totalCount nodes { id usageCount } } }`;
    expect((await ok(p, usage, {})).nodes).toEqual([{ id: template.id, usageCount: 1 }]);
    goal = await ok(p, SUBMIT_DRAFT, { input: { goalId: goal.id } }, officer(school));
    expect(goal).toMatchObject({ status: 'SUBMITTED', reviewRounds: 1 });

    // round 1: the department passes it on, the joint review returns it
    expect((await ok(p, QUEUE, {}, department(bureau))).nodes).toEqual([{ id: goal.id, status: 'SUBMITTED' }]);
    expect((await ok(p, QUEUE, {}, as('BUDGET_SECTION', null, 'wang.yu'))).totalCount).toBe(0);
    expect((await review(p, goal.id, 'APPROVE', department(bureau))).status).toBe('FINANCE_REVIEW');
    expect((await ok(p, QUEUE, {}, expert(7))).nodes).toEqual([{ id: goal.id, status: 'FINANCE_REVIEW' }]);
    await jointReview(p, goal, 'RETURN');
    expect((await ok(p, QUEUE, {}, as('BUDGET_SECTION', null, 'wang.yu'))).totalCount).toBe(0);
    const approveOverReturn = await p.gql(
      `mutation($input: ReviewGoalInput!) { reviewGoal(input: $input) { status } }`,
      { input: { goalId: goal.id, result: 'APPROVE' } },
      performance,
    );
    expect(approveOverReturn.errors?.[0]?.extensions?.code).toBe('ILLEGAL_STATE');
    expect((await review(p, goal.id, 'RETURN', performance)).statusLabel).toBe('已退回修改');
    expect((await ok(p, QUEUE, {}, officer(school))).nodes).toEqual([{ id: goal.id, status: 'RETURNED' }]);

    // the unit revises the commented indicator and resubmits: round 2 passes
    const revised = await ok(
      p,
      `mutation($input: ReviseIndicatorInput!) { reviseIndicator(input: $input) { version } }`,
      {
        input: {
          goalId: goal.id,
          reason: '按联审意见与年度计划一致',
          indicator: { ...own1, id: goal.indicators[0].id, targetValue: 15 },
        },
      },
      officer(school),
    );
    goal = await ok(p, SUBMIT_DRAFT, { input: { goalId: goal.id, expectedVersion: revised.version } }, officer(school));
    expect(goal).toMatchObject({ status: 'SUBMITTED', reviewRounds: 2 });
    await review(p, goal.id, 'APPROVE', department(bureau));
    await jointReview(p, goal, 'APPROVE');
    const approved = await review(p, goal.id, 'APPROVE', performance);
    expect(approved).toMatchObject({ status: 'APPROVED', statusLabel: '已批准', reviewRounds: 2 });
    expect(
      approved.reviews.map((r: { round: number; stage: string; result: string }) => `${r.round}${r.stage}${r.result}`),
    ).toEqual(['1DEPARTMENTAPPROVE', '1FINANCERETURN', '2DEPARTMENTAPPROVE', '2FINANCEAPPROVE']);

    // the gate opens; budget follows, never beyond the request
    const admitted = await ok(p, ADMIT, { input: { projectId: project.id } }, performance);
    expect(admitted).toMatchObject({
      libraryStatus: 'IN_LIBRARY',
      admittedGoalId: goal.id,
      admittedPreAssessmentId: pa.id,
      libraryBlockers: [],
    });
    const allocate = `mutation($input: AllocateBudgetInput!) { allocateBudget(input: $input) { allocatedTotal } }`;
    // money is a decimal string of yuan, added to the fen: 0.10 + 0.20 is 0.30, then 3999999.70 makes 4000000.00
    const budget = { projectId: project.id, amount: '0.10', budgetDocument: '天财预〔2024〕3号' };
    const allocateAs = (amount: string) =>
      ok(p, allocate, { input: { ...budget, amount } }, as('BUDGET_SECTION', null, 'wang.yu'));
    expect((await allocateAs('0.10')).allocatedTotal).toBe('0.10');
    expect((await allocateAs('0.20')).allocatedTotal).toBe('0.30');
    expect((await allocateAs('3999999.70')).allocatedTotal).toBe('4000000.00');
    const tooMuch = await p.gql(
      allocate,
      { input: { ...budget, amount: '1000000.01' } },
      as('BUDGET_SECTION', null, 'wang.yu'),
    );
    expect(tooMuch.errors?.[0]?.extensions?.issues?.[0]?.path).toBe('amount');
    expect(tooMuch.errors?.[0]?.message).toContain('1,000,000.01 元超过尚未安排的申请金额 1,000,000.00 元');
    // not a decimal string of yuan: refused before any rule runs, in the user's terms, and nothing written
    for (const amount of ['1.001', '1e6', 'abc', 4_000_000, '1000000000000.01']) {
      const refused = await p.gql(allocate, { input: { ...budget, amount } }, as('BUDGET_SECTION', null, 'wang.yu'));
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.message).toMatch(/金额/);
    }
    expect(await ok(p, PROJECT, { id: project.id })).toMatchObject({ allocatedTotal: '4000000.00' });

    // issued, adjusted through a budget adjustment, published as a sample, copied by another project
    const goalOp = (name: string, input: object) =>
      ok(
        p,
        `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${GOAL_FIELDS} } }`,
        { input },
        performance,
      );
    expect(
      (await goalOp('issueGoal', { goalId: goal.id, budgetDocument: '天财预〔2024〕3号', issuedAmount: '4000000.00' }))
        .status,
    ).toBe('ISSUED');
    const adjusted = await goalOp('adjustGoal', {
      goalId: goal.id,
      budgetAdjustmentRef: '天财预调〔2024〕9号',
      reason: '追加改造 3 所学校',
      amount: '5000000.00',
      indicators: [
        ...goalInput(project.id).indicators,
        {
          level1: 'OUTPUT',
          level2: 'TIMELINESS',
          name: '项目按期完成率',
          operator: 'GTE',
          targetValue: 100,
          unit: '%',
          points: 10,
          basis: 'PLAN',
          templateId: template.id,
        },
      ],
    });
    expect(adjusted).toMatchObject({ status: 'ADJUSTED', adjustmentCount: 1 });
    expect((await goalOp('markGoalExemplary', { goalId: goal.id, reason: '指标量化充分，可作范本' })).exemplary).toBe(
      true,
    );
    const second = await ok(p, PROPOSE_PROJECT, { input: projectInput(school, { isMajor: false }) }, officer(school));
    const copy = await ok(
      p,
      `mutation($input: DraftGoalFromSampleInput!) { draftGoalFromSample(input: $input) { ${GOAL_FIELDS} } }`,
      { input: { sampleGoalId: goal.id, projectId: second.id } },
      officer(school),
    );
    expect(copy).toMatchObject({ status: 'DRAFT', copiedFromGoalId: goal.id });
    expect(copy.indicators).toHaveLength(5);

    // library search and the dashboard figures
    // the template is cited by the adjusted goal and by its copy
    expect(await ok(p, usage, {})).toEqual({ totalCount: 1, nodes: [{ id: template.id, usageCount: 2 }] });
    const coverage = await ok(
      p,
      `query { goalCoverage(fiscalYear: 2024) { unit { name } projects projectsWithApprovedGoal coverage } }`,
      {},
    );
    expect(coverage).toEqual([
      { unit: { name: '天门市实验小学' }, projects: 2, projectsWithApprovedGoal: 1, coverage: 0.5 },
    ]);
    const stats = await ok(
      p,
      `query { reviewStatistics(fiscalYear: 2024) { goalsReviewed indicatorsReviewed reviewDecisions goalsApproved goalsReturned } }`,
      {},
    );
    expect(stats).toEqual({
      goalsReviewed: 1,
      indicatorsReviewed: 5,
      reviewDecisions: 4,
      goalsApproved: 1,
      goalsReturned: 1,
    });
  });
});
