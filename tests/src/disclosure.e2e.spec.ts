import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@jixiao/infra';
import { ASSERTION_HEADER, PUBLIC_CALLER, signAssertion } from '@jixiao/service-kit';
import { expectNoWrite } from './support/fixture';
import { as, REGISTER_UNIT, startTestPlatform, SUBMIT_GOAL, type Caller } from './support/platform';
import {
  budgetSection,
  goalInput,
  jointReview,
  officer,
  ok,
  performance,
  projectInput,
  PROPOSE_PROJECT,
  review,
} from './support/walk';

const PUBLISH = `mutation($input: PublishGoalsInput!) { publishGoals(input: $input) {
  unit { id name } fiscalYear publication goalCount totalAmount withheldGoalIds publications { publication reason } version } }`;
const PUBLISHED = `query($year: Int!, $unit: ID) { publishedGoals(fiscalYear: $year, unitId: $unit, page: { first: 200 }) {
  totalCount nodes { goalId unitId unitName fiscalYear projectName term overallGoal amount budgetDocument goalVersion
  contentHash publication publishedAt indicators { level1 level1Label name target targetValue unit } } } }`;
const UNIT_YEARS = `{ publishedUnitYears { unitId unitName fiscalYear publication goalCount totalAmount } }`;
const GOAL = `query($id: ID!) { goal(id: $id) { id version status } }`;

const anonymous: Caller = { token: null };
type Platform = Awaited<ReturnType<typeof startTestPlatform>>;

/** The goals of `unit` that anyone reads for 2024, by id. */
async function publicGoals(p: Platform, unitId?: string) {
  const result = await p.gql(PUBLISHED, { year: 2024, unit: unitId }, anonymous);
  expect(result.errors).toBeUndefined();
  return result.data!.publishedGoals as { totalCount: number; nodes: Record<string, unknown>[] };
}

/** A first-level unit, registered by the administrator. */
const register = (p: Platform, code: string, name: string) =>
  ok(p, REGISTER_UNIT, { input: { code, name, level: 'FIRST', divisionCode: '429006' } }, as('ADMIN')).then(
    (u) => u.id as string,
  );

/** A goal of the unit through the joint review to approval; `to` takes it on: issued, with the project's budget or without. */
async function goalOf(
  p: Platform,
  unitId: string,
  to: 'APPROVED' | 'ISSUED' | 'ISSUED_WITH_BUDGET',
  name = '薄弱学校改造',
) {
  const project = await ok(
    p,
    PROPOSE_PROJECT,
    { input: projectInput(unitId, { isNew: false, isMajor: false, name }) },
    officer(unitId),
  );
  const goal = await ok(p, SUBMIT_GOAL, { input: goalInput(project.id) }, officer(unitId));
  await jointReview(p, goal, 'APPROVE');
  await review(p, goal.id, 'APPROVE', performance);
  if (to === 'ISSUED_WITH_BUDGET') {
    await ok(p, `mutation($input: AdmitProjectInput!) { admitProjectToLibrary(input: $input) { id } }`, {
      input: { projectId: project.id },
    });
    await ok(
      p,
      `mutation($input: AllocateBudgetInput!) { allocateBudget(input: $input) { id } }`,
      { input: { projectId: project.id, amount: '4800000.00', budgetDocument: '天财预〔2024〕3号' } },
      budgetSection,
    );
  }
  if (to !== 'APPROVED') {
    await ok(p, `mutation($input: IssueGoalInput!) { issueGoal(input: $input) { id } }`, {
      input: { goalId: goal.id, budgetDocument: '天财预〔2024〕3号', issuedAmount: '4800000.00' },
    });
  }
  return goal.id as string;
}

const publish = (p: Platform, unitId: string, reason?: string, caller: Caller = performance) =>
  p.gql(PUBLISH, { input: { unitId, fiscalYear: 2024, reason } }, caller);

describe('disclosure (公开): the performance section publishes a unit-year’s goals, anyone reads them', () => {
  let p: Platform;
  let bureau: string;
  let transport: string;
  let published: string;
  let withheld: string;
  beforeAll(async () => {
    p = await startTestPlatform();
    bureau = await register(p, '301', '天门市教育局');
    transport = await register(p, '302', '天门市交通运输局');
    published = await goalOf(p, bureau, 'ISSUED_WITH_BUDGET');
    withheld = await goalOf(p, bureau, 'ISSUED', '校舍维修');
    await goalOf(p, bureau, 'APPROVED', '教师培训');
    await goalOf(p, transport, 'ISSUED_WITH_BUDGET', '农村公路提档升级');
  }, 120_000);
  afterAll(async () => p.dispose());

  it('publishes the issued goals whose project has budget, and answers anyone without a token with exactly those', async () => {
    const answer = await ok(p, PUBLISH, { input: { unitId: bureau, fiscalYear: 2024 } });
    expect(answer).toMatchObject({
      unit: { id: bureau, name: '天门市教育局' },
      publication: 1,
      goalCount: 1,
      totalAmount: '4800000.00',
      withheldGoalIds: [withheld],
      publications: [{ publication: 1, reason: '' }],
    });

    const { version } = await ok(p, GOAL, { id: published });
    const goals = await publicGoals(p);
    // the transport bureau's issued goal, the withheld one and the approved one are not public
    expect(goals.nodes.map((g) => g.goalId)).toEqual([published]);
    expect(goals.nodes[0]).toMatchObject({
      unitId: bureau,
      unitName: '天门市教育局',
      fiscalYear: 2024,
      projectName: '薄弱学校改造',
      term: 'ANNUAL',
      overallGoal: '改善 12 所农村义务教育学校办学条件，消除大班额',
      amount: '4800000.00',
      budgetDocument: '天财预〔2024〕3号',
      goalVersion: version,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      publication: 1,
    });
    expect((goals.nodes[0]!.indicators as { target: string }[]).map((i) => i.target)).toEqual([
      '≥ 12 所',
      '≥ 100%',
      '明显改善',
      '≥ 90%',
    ]);
    const years = await p.gql(UNIT_YEARS, undefined, anonymous);
    expect(years.data).toEqual({
      publishedUnitYears: [
        {
          unitId: bureau,
          unitName: '天门市教育局',
          fiscalYear: 2024,
          publication: 1,
          goalCount: 1,
          totalAmount: '4800000.00',
        },
      ],
    });
    // a signed-in user reads the same
    expect((await p.gql(PUBLISHED, { year: 2024 }, officer(transport))).data).toEqual({ publishedGoals: goals });
  });

  it('refuses, in both languages with a reason to match, and writes nothing', async () => {
    const health = await register(p, '303', '天门市卫生健康委员会');
    await goalOf(p, health, 'APPROVED');
    const refusal = async (unitId: string, caller: Caller = performance, reason?: string) => {
      const result = await expectNoWrite(p, () => publish(p, unitId, reason, caller));
      return result.errors?.[0]?.extensions ?? {};
    };
    expect(await refusal(health)).toMatchObject({ code: 'ILLEGAL_STATE', issues: [{ path: 'NOTHING_ISSUED' }] });
    await goalOf(p, health, 'ISSUED');
    const noBudget = await refusal(health);
    expect(noBudget).toMatchObject({ code: 'ILLEGAL_STATE', issues: [{ path: 'BUDGET_NOT_APPROVED' }] });
    expect(noBudget['messageZh']).toMatch(/尚未安排预算/);
    expect(noBudget['messageEn']).toMatch(/not allocated/);
    expect(await refusal(bureau, performance, '再次公开')).toMatchObject({
      code: 'ILLEGAL_STATE',
      issues: [{ path: 'NOTHING_CHANGED' }],
    });
    expect(await refusal(bureau, officer(bureau))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(bureau, as('AUDITOR'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal('00000000-0000-4000-8000-000000000000')).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('publishes again when a goal is issued later or adjusted; until then the public sees what was published', async () => {
    const later = await goalOf(p, bureau, 'ISSUED_WITH_BUDGET', '课后服务');
    // issued, budgeted, not yet published: not public
    expect((await publicGoals(p, bureau)).nodes.map((g) => g.goalId)).toEqual([published]);
    const noReason = await expectNoWrite(p, () => publish(p, bureau));
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'reason' }] });
    expect(
      await ok(p, PUBLISH, { input: { unitId: bureau, fiscalYear: 2024, reason: '年中追加下达目标' } }),
    ).toMatchObject({
      publication: 2,
      goalCount: 2,
    });
    const second = await publicGoals(p, bureau);
    expect(second.nodes.map((g) => [g.goalId, g.publication])).toEqual(
      expect.arrayContaining([
        [published, 1],
        [later, 2],
      ]),
    );

    const first = second.nodes.find((g) => g.goalId === published)!;
    await ok(p, `mutation($input: AdjustGoalInput!) { adjustGoal(input: $input) { id } }`, {
      input: {
        goalId: published,
        budgetAdjustmentRef: '天财预调〔2024〕1号',
        reason: '年中预算调整',
        amount: '4000000.00',
        indicators: goalInput('').indicators,
      },
    });
    // adjusted, not yet republished: the public still reads the published content
    expect((await publicGoals(p, bureau)).nodes.find((g) => g.goalId === published)).toEqual(first);
    await ok(p, PUBLISH, { input: { unitId: bureau, fiscalYear: 2024, reason: '目标随预算调整' } });
    const third = (await publicGoals(p, bureau)).nodes.find((g) => g.goalId === published)!;
    expect(third).toMatchObject({ amount: '4000000.00', publication: 3 });
    expect(third['contentHash']).not.toBe(first['contentHash']);
  });

  describe('a request without a token', () => {
    /** The answer to a request without a token that is not public: today's refusal, word for word. */
    let refusal: { status: number; body: unknown };
    beforeAll(async () => {
      const today = await p.gql('{ goals { totalCount } }', undefined, anonymous);
      refusal = { status: today.status, body: JSON.parse(today.raw) };
      expect(refusal.status).toBe(401);
      expect(today.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING' });
    });

    it.each([
      ['a public and a private field together', `{ publishedUnitYears { unitName } goals { totalCount } }`],
      [
        'a private field in a fragment',
        `{ ...F } fragment F on Query { publishedUnitYears { unitName } goal(id: "x") { id } }`,
      ],
      ['introspection', '{ __schema { queryType { name } } }'],
      ['a mutation', `mutation { publishGoals(input: { unitId: "x", fiscalYear: 2024 }) { publication } }`],
      ['a field that does not exist', '{ budgetSecrets }'],
      ['a document that does not parse', '{ publishedUnitYears { unitName }'],
      ['nothing but __typename', '{ __typename }'],
    ])('is refused exactly as before for %s, and learns nothing', async (_what, query) => {
      const result = await expectNoWrite(p, () => p.gql(query, undefined, anonymous));
      expect({ status: result.status, body: JSON.parse(result.raw) }).toEqual(refusal);
    });

    it('may not claim the public role in a token, nor get past a token that fails', async () => {
      const posing = await p.gql(UNIT_YEARS, undefined, { token: await p.mint({ role: 'PUBLIC' as never }) });
      expect(posing.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID' });
      const broken = await p.gql(UNIT_YEARS, undefined, { token: 'not-a-token' });
      expect(broken.status).toBe(401);
      expect(broken.data ?? null).toBeNull();
    });

    it('reaches a subgraph as the public caller, which runs public queries only (the gateway aside)', async () => {
      const assertion = await signAssertion(p.assertionSecret, PUBLIC_CALLER);
      const direct = async (query: string) =>
        (await fetch(p.subgraphUrls['planning']!, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [ASSERTION_HEADER]: assertion },
          body: JSON.stringify({ query }),
        }).then((r) => r.json())) as { data?: unknown; errors?: { extensions: { code: string } }[] };
      expect((await direct('{ publishedUnitYears { unitName } }')).errors).toBeUndefined();
      expect((await direct('{ goals { totalCount } }')).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    });
  });
});

describe('the public path under limits and trusted documents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-public-'));
  let p: Platform;
  beforeAll(async () => {
    const file = join(dir, 'persisted-documents.json');
    writeFileSync(
      file,
      JSON.stringify({ 'sha256:unit-years': UNIT_YEARS, 'sha256:units': '{ budgetUnits { totalCount } }' }),
    );
    const { browser } = loadConfig({ JIXIAO_PERSISTED_DOCUMENTS: file, JIXIAO_PERSISTED_ONLY: 'true' });
    p = await startTestPlatform({ browser, ratePerMinute: 3 });
  });
  afterAll(async () => {
    await p?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (body: object) =>
    fetch(p.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('runs a trusted public document by id, refuses a private one, and spends the address’s request budget', async () => {
    const answered = await post({ documentId: 'sha256:unit-years' });
    expect(await answered.json()).toEqual({ data: { publishedUnitYears: [] } });
    const refused = await post({ documentId: 'sha256:units' });
    expect(refused.status).toBe(401);
    expect((await refused.json()).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING' });
    // three a minute from this address: two more pass, the next is refused
    expect((await post({ documentId: 'sha256:unit-years' })).status).toBe(200);
    expect((await post({ documentId: 'sha256:unit-years' })).status).toBe(200);
    const limited = await post({ documentId: 'sha256:unit-years' });
    expect(limited.status).toBe(429);
    expect((await limited.json()).errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
