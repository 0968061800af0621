import { SUBMIT_GOAL, startTestPlatform, as, REGISTER_UNIT, type Caller } from './support/platform';
import { expectNoWrite } from './support/fixture';
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

type Platform = Awaited<ReturnType<typeof startTestPlatform>>;

const REQUEST = `id unitId projectId goalId fiscalYear amount purpose batch status submission version documentsReceived
  documents { attachmentId name sizeBytes contentType sha256 }
  opinion { outcome reasons comment submission signerId shown { goalSet goalStatus inGoalManagement executionRate latestLikelihood stopFunding heldBefore }
    overrides { fact shown signed reason } }`;
const SUBMIT = `mutation($input: SubmitDisbursementRequestInput!) { submitDisbursementRequest(input: $input) { ${REQUEST} } }`;
const RESUBMIT = `mutation($input: ResubmitDisbursementRequestInput!) { resubmitDisbursementRequest(input: $input) { ${REQUEST} } }`;
const SIGN = `mutation($input: SignDisbursementOpinionInput!) { signDisbursementOpinion(input: $input) { ${REQUEST} } }`;
const FORM = `query($id: ID!) { disbursementOpinionForm(requestId: $id) { allocated cleared otherOpen
  request { id status } facts { goalSet goalStatus inGoalManagement executionRate latestLikelihood stopFunding heldBefore } } }`;
const QUEUE = `{ disbursementQueue(page: { first: 200 }) { totalCount nodes { daysWaiting request { id } } } }`;
const ONE = `query($id: ID!) { disbursementRequest(id: $id) { id status } }`;
const FIGURES = `query($year: Int!, $unit: ID) { disbursementFigures(fiscalYear: $year, unitId: $unit) {
  total { requests amount cleared clearedAmount held heldAmount waiting documentsReceived allocated executed executionRate }
  byUnit { unitId requests amount allocated executed executionRate } byMonth { month requests amount } } }`;

const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'utf8');

/** A registered first-level unit. */
const register = (p: Platform, code: string, name: string) =>
  ok(p, REGISTER_UNIT, { input: { code, name, level: 'FIRST', divisionCode: '429006' } }, as('ADMIN')).then(
    (u) => u.id as string,
  );

/** A project of the unit with 4,800,000.00 allocated and its goal issued. */
async function issuedWithBudget(p: Platform, unitId: string) {
  const project = await ok(
    p,
    PROPOSE_PROJECT,
    { input: projectInput(unitId, { isNew: false, isMajor: false }) },
    officer(unitId),
  );
  const goal = await ok(p, SUBMIT_GOAL, { input: goalInput(project.id) }, officer(unitId));
  await jointReview(p, goal, 'APPROVE');
  await review(p, goal.id, 'APPROVE', performance);
  await ok(p, `mutation($input: AdmitProjectInput!) { admitProjectToLibrary(input: $input) { id } }`, {
    input: { projectId: project.id },
  });
  await ok(
    p,
    `mutation($input: AllocateBudgetInput!) { allocateBudget(input: $input) { id } }`,
    { input: { projectId: project.id, amount: '4800000.00', budgetDocument: '天财预〔2024〕3号' } },
    budgetSection,
  );
  await ok(p, `mutation($input: IssueGoalInput!) { issueGoal(input: $input) { id } }`, {
    input: { goalId: goal.id, budgetDocument: '天财预〔2024〕3号', issuedAmount: '4800000.00' },
  });
  return { projectId: project.id as string, goalId: goal.id as string };
}

/** Uploads a document as the unit's officer would (straight into the platform's attachment store). */
const upload = async (p: Platform, unitId: string | null, name: string) =>
  (
    await p.attachments.store.put(
      { name, contentType: 'application/pdf', bytes: PDF(name) },
      { actorId: 'zhang.wei', unitId },
    )
  ).attachmentId;

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.['code'];
const pathsOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  ((r.errors?.[0]?.extensions?.['issues'] as { path: string }[] | undefined) ?? []).map((i) => i.path);

describe('disbursement review (拨款审核) through the gateway', () => {
  let p: Platform;
  let bureau: string;
  let transport: string;
  let mine: { projectId: string; goalId: string };
  let theirs: { projectId: string; goalId: string };
  let form: string;
  const input = (overrides: Record<string, unknown> = {}) => ({
    unitId: bureau,
    projectId: mine.projectId,
    goalId: mine.goalId,
    fiscalYear: 2024,
    amount: '1200000.00',
    purpose: '校舍维修工程进度款',
    batch: '2024年第3批',
    attachmentIds: [form],
    ...overrides,
  });

  beforeAll(async () => {
    p = await startTestPlatform();
    bureau = await register(p, '501', '天门市教育局');
    transport = await register(p, '502', '天门市交通运输局');
    mine = await issuedWithBudget(p, bureau);
    theirs = await issuedWithBudget(p, transport);
    form = await upload(p, bureau, '拨款审批表.pdf');
  }, 180_000);
  afterAll(async () => p.dispose());

  it('walks a request from submission to CLEARED, with the facts pre-filled and recorded as shown', async () => {
    const submitted = await ok(p, SUBMIT, { input: input() }, officer(bureau));
    expect(submitted).toMatchObject({
      unitId: bureau,
      amount: '1200000.00',
      status: 'REQUESTED',
      submission: 1,
      documentsReceived: 1,
      documents: [{ attachmentId: form, name: '拨款审批表.pdf', contentType: 'application/pdf' }],
      opinion: null,
    });
    expect(submitted.documents[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    const queue = await ok(p, QUEUE, {}, performance);
    expect(queue.nodes.map((n: { request: { id: string } }) => n.request.id)).toContain(submitted.id);
    expect(queue.nodes[0].daysWaiting).toBe(0);

    const shown = await ok(p, FORM, { id: submitted.id }, performance);
    expect(shown).toMatchObject({
      allocated: '4800000.00',
      cleared: '0.00',
      otherOpen: '0.00',
      facts: {
        goalSet: true,
        goalStatus: 'ISSUED',
        inGoalManagement: true,
        executionRate: null,
        latestLikelihood: null,
        stopFunding: false,
        heldBefore: 0,
      },
    });

    const cleared = await ok(
      p,
      SIGN,
      { input: { requestId: submitted.id, outcome: 'CLEARED', comment: '目标已下达，同意拨付' } },
      performance,
    );
    expect(cleared).toMatchObject({
      status: 'CLEARED',
      opinion: { outcome: 'CLEARED', reasons: [], comment: '目标已下达，同意拨付', signerId: 'li.na', submission: 1 },
    });
    expect(cleared.opinion.shown).toEqual(shown.facts);

    // what was cleared is executed now: 1,200,000 of 4,800,000 = 25.00 %
    const second = await ok(
      p,
      SUBMIT,
      { input: input({ amount: '600000.00', batch: '2024年第4批' }) },
      officer(bureau),
    );
    const after = await ok(p, FORM, { id: second.id }, performance);
    expect(after).toMatchObject({ cleared: '1200000.00', facts: { executionRate: '25.00' } });
  });

  it('holds a request with reasons and a corrected fact, takes it corrected, and clears it', async () => {
    const submitted = await ok(p, SUBMIT, { input: input({ amount: '500000.00' }) }, officer(bureau));
    const held = await ok(
      p,
      SIGN,
      {
        input: {
          requestId: submitted.id,
          outcome: 'HELD',
          reasons: ['缺少施工合同'],
          overrides: [{ fact: 'inGoalManagement', signed: 'false', reason: '目标调整中，暂未纳入管理' }],
        },
      },
      performance,
    );
    expect(held).toMatchObject({
      status: 'HELD',
      opinion: {
        outcome: 'HELD',
        reasons: ['缺少施工合同'],
        overrides: [{ fact: 'inGoalManagement', shown: 'true', signed: 'false', reason: '目标调整中，暂未纳入管理' }],
      },
    });
    // a held request cannot be signed again, and only the unit corrects it
    const again = await p.gql(SIGN, { input: { requestId: submitted.id, outcome: 'CLEARED' } }, performance);
    expect(codeOf(again)).toBe('ILLEGAL_STATE');

    const contract = await upload(p, bureau, '施工合同.pdf');
    const corrected = await ok(
      p,
      RESUBMIT,
      {
        input: {
          requestId: submitted.id,
          amount: '450000.00',
          purpose: '校舍维修工程进度款（补附合同）',
          batch: '2024年第5批',
          attachmentIds: [form, contract],
        },
      },
      officer(bureau),
    );
    expect(corrected).toMatchObject({ status: 'REQUESTED', submission: 2, amount: '450000.00', documentsReceived: 3 });
    const shown = await ok(p, FORM, { id: submitted.id }, performance);
    expect(shown.facts.heldBefore).toBe(1);
    const cleared = await ok(p, SIGN, { input: { requestId: submitted.id, outcome: 'CLEARED' } }, performance);
    expect(cleared).toMatchObject({ status: 'CLEARED', submission: 2, opinion: { outcome: 'CLEARED', submission: 2 } });
    expect(cleared.opinion.shown.heldBefore).toBe(1);
  });

  it('refuses bad input with a clear bilingual error and writes nothing', async () => {
    const refused = async (overrides: Record<string, unknown>, code: string, path: string) => {
      const r = await expectNoWrite(p, () => p.gql(SUBMIT, { input: input(overrides) }, officer(bureau)));
      expect({ code: codeOf(r), paths: pathsOf(r) }).toEqual({ code, paths: expect.arrayContaining([path]) });
      const ext = r.errors![0]!.extensions!;
      expect(ext['messageZh']).toMatch(/[\u4e00-\u9fff]/);
      expect(ext['messageEn']).toMatch(/[a-z]/);
      return r;
    };
    await refused({ amount: '0.00' }, 'BAD_USER_INPUT', 'amount');
    await refused({ amount: '-5.00' }, 'BAD_USER_INPUT', 'amount');
    // allocated 4,800,000; cleared 1,650,000; open 600,000: 2,550,000 left
    const above = await refused({ amount: '2550000.01' }, 'BAD_USER_INPUT', 'amount');
    expect(above.errors![0]!.extensions!['messageZh']).toContain('2,550,000.00');
    await refused({ goalId: theirs.goalId, projectId: theirs.projectId }, 'BAD_USER_INPUT', 'goalId');
    await refused({ attachmentIds: ['00000000-0000-4000-8000-000000000000'] }, 'BAD_USER_INPUT', 'documents[0]');
    const theirForm = await upload(p, transport, '拨款审批表.pdf');
    await refused({ attachmentIds: [form, theirForm] }, 'BAD_USER_INPUT', 'documents[1]');
    await refused({ attachmentIds: [form, form] }, 'BAD_USER_INPUT', 'documents[1]');
  });

  it('a unit submits and reads only for itself; the auditor reads but cannot sign', async () => {
    const other = officer(transport);
    const r = await expectNoWrite(p, () => p.gql(SUBMIT, { input: input() }, other));
    expect(codeOf(r)).toBe('NOT_FOUND');
    const request = await ok(p, SUBMIT, { input: input({ amount: '1000.00' }) }, officer(bureau));
    expect(codeOf(await p.gql(ONE, { id: request.id }, other))).toBe('NOT_FOUND');
    expect((await ok(p, ONE, { id: request.id }, officer(bureau))).status).toBe('REQUESTED');
    const auditor: Caller = as('AUDITOR', null, 'audit.one');
    expect((await ok(p, ONE, { id: request.id }, auditor)).id).toBe(request.id);
    const sign = await expectNoWrite(p, () =>
      p.gql(SIGN, { input: { requestId: request.id, outcome: 'CLEARED' } }, auditor),
    );
    expect(codeOf(sign)).toBe('FORBIDDEN');
    // another unit's officer sees none of it in the lists or the figures
    const list = await ok(p, `{ disbursementRequests(filter: { fiscalYear: 2024 }) { totalCount } }`, {}, other);
    expect(list.totalCount).toBe(0);
  });

  it('answers the year’s figures in one query: in total, per unit and per month', async () => {
    const figures = await ok(p, FIGURES, { year: 2024 }, as('BUDGET_SECTION', null, 'wang.yu'));
    // cleared 1,200,000 and 450,000; waiting 600,000 and 1,000
    // allocated: 4,800,000.00 to each unit's project; executed = cleared 1,650,000.00, all the bureau's:
    // 1,650,000 / 4,800,000 = 34.375% → "34.38"; in total 1,650,000 / 9,600,000 = 17.1875% → "17.19"
    expect(figures.total).toEqual({
      requests: 4,
      amount: '2251000.00',
      cleared: 2,
      clearedAmount: '1650000.00',
      held: 0,
      heldAmount: '0.00',
      waiting: 2,
      documentsReceived: 6,
      allocated: '9600000.00',
      executed: '1650000.00',
      executionRate: '17.19',
    });
    // the transport bureau has budget allocated but no request yet: it is a row, with zero requests
    const bureauRow = {
      unitId: bureau,
      requests: 4,
      amount: '2251000.00',
      allocated: '4800000.00',
      executed: '1650000.00',
      executionRate: '34.38',
    };
    const transportRow = {
      unitId: transport,
      requests: 0,
      amount: '0.00',
      allocated: '4800000.00',
      executed: '0.00',
      executionRate: '0.00',
    };
    expect(figures.byUnit).toEqual([bureauRow, transportRow].sort((a, b) => (a.unitId < b.unitId ? -1 : 1)));
    expect(figures.byMonth.reduce((n: number, m: { requests: number }) => n + m.requests, 0)).toBe(4);
    const one = await ok(p, FIGURES, { year: 2024, unit: bureau }, as('BUDGET_SECTION', null, 'wang.yu'));
    expect(one.byUnit).toEqual([bureauRow]);
    expect(one.total).toMatchObject({ allocated: '4800000.00', executed: '1650000.00', executionRate: '34.38' });
    const own = await ok(p, FIGURES, { year: 2024 }, officer(transport));
    expect(own.total.requests).toBe(0);
    expect(own.byUnit).toEqual([transportRow]);
    // a year with nothing allocated: no rate rather than a division by zero
    const empty = await ok(p, FIGURES, { year: 2031 }, as('BUDGET_SECTION', null, 'wang.yu'));
    expect(empty.total).toMatchObject({ allocated: '0.00', executed: '0.00', executionRate: null });
    expect(empty.byUnit).toEqual([]);
  });
  it('holds while a stop-funding decision on the project stands; the form shows the latest monitoring report', async () => {
    const fresh = await issuedWithBudget(p, bureau);
    const goal = await ok(p, 'query($id: ID!) { goal(id: $id) { indicators { id targetValue } } }', {
      id: fresh.goalId,
    });
    const round = await ok(
      p,
      `mutation($input: OpenMonitoringRoundInput!) { openMonitoringRound(input: $input) { id } }`,
      {
        input: {
          divisionCode: '429006',
          fiscalYear: 2024,
          name: '2024年1—7月绩效运行监控',
          throughMonth: 7,
          dueDate: '2024-08-15',
        },
      },
      performance,
    );
    const indicators = goal.indicators.map((i: { id: string; targetValue: number | null }, n: number) => ({
      indicatorId: i.id,
      valueSoFar: i.targetValue === null ? null : i.targetValue / 2,
      forecast: i.targetValue,
      likelihood: n === 0 ? 'AT_RISK' : 'ON_TRACK',
      deviationCause: n === 0 ? '汛期影响工期' : null,
    }));
    // 1,200,000 of the goal's 5,000,000 by the end of July: 24.00 %, behind 58.33 %
    const report = await ok(
      p,
      `mutation($input: FileMonitoringReportInput!) { fileMonitoringReport(input: $input) { warnings { id kind } } }`,
      { input: { roundId: round.id, goalId: fresh.goalId, executed: '1200000.00', indicators } },
      officer(bureau),
    );
    const behind = report.warnings.find((w: { kind: string }) => w.kind === 'EXECUTION_BEHIND');
    expect(behind).toBeDefined();
    const request = await ok(
      p,
      SUBMIT,
      { input: input({ projectId: fresh.projectId, goalId: fresh.goalId, amount: '100000.00' }) },
      officer(bureau),
    );
    const facts = async () => (await ok(p, FORM, { id: request.id }, performance)).facts;
    // nothing cleared yet: the rate is the latest report's, against the report's budget
    expect(await facts()).toMatchObject({ executionRate: '24.00', latestLikelihood: 'AT_RISK', stopFunding: false });

    const stop = await ok(
      p,
      `mutation($input: DecideMonitoringCorrectionInput!) { decideMonitoringCorrection(input: $input) { id } }`,
      { input: { warningId: behind.id, kind: 'STOP_FUNDING', reason: '执行严重滞后，暂停拨款' } },
      performance,
    );
    expect(await facts()).toMatchObject({ stopFunding: true });
    const refused = await expectNoWrite(p, () =>
      p.gql(SIGN, { input: { requestId: request.id, outcome: 'CLEARED' } }, performance),
    );
    expect(codeOf(refused)).toBe('ILLEGAL_STATE');

    await ok(
      p,
      `mutation($input: LiftFundingStopInput!) { liftFundingStop(input: $input) { id } }`,
      { input: { correctionId: stop.id, reason: '已整改，进度已追上' } },
      performance,
    );
    const cleared = await ok(p, SIGN, { input: { requestId: request.id, outcome: 'CLEARED' } }, performance);
    expect(cleared.opinion.shown).toMatchObject({
      stopFunding: false,
      executionRate: '24.00',
      latestLikelihood: 'AT_RISK',
    });
  });
});
