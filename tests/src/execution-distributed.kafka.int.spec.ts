import { catalog, CONTEXTS } from '@jixiao/contexts';
import { executionContext } from '@jixiao/execution';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { devKeyFile, PostgresEventStore, processPlan, testing } from '@jixiao/infra';
import { startDistributed } from './support/distributed';
import { as, devKeyMinter, REGISTER_UNIT, SUBMIT_GOAL, type TestPlatform } from './support/platform';
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

jest.setTimeout(300_000);

const { TEST_PG_URL, withPgClient } = testing;

const REQUEST = `id unitId status submission amount documentsReceived
  documents { attachmentId name sizeBytes contentType sha256 }
  opinion { outcome reasons submission shown { goalStatus inGoalManagement executionRate heldBefore } }`;
const SUBMIT = `mutation($input: SubmitDisbursementRequestInput!) { submitDisbursementRequest(input: $input) { ${REQUEST} } }`;
const RESUBMIT = `mutation($input: ResubmitDisbursementRequestInput!) { resubmitDisbursementRequest(input: $input) { ${REQUEST} } }`;
const SIGN = `mutation($input: SignDisbursementOpinionInput!) { signDisbursementOpinion(input: $input) { ${REQUEST} } }`;
const ONE = `query($id: ID!) { disbursementRequest(id: $id) { ${REQUEST} } }`;
const FORM = `query($id: ID!) { disbursementOpinionForm(requestId: $id) { allocated cleared otherOpen
  request { id status submission } facts { goalSet goalStatus inGoalManagement executionRate stopFunding heldBefore } } }`;
const QUEUE = `{ disbursementQueue(page: { first: 50 }) { totalCount nodes { request { id } } } }`;
const FIGURES = `query($year: Int!) { disbursementFigures(fiscalYear: $year) {
  total { requests amount cleared clearedAmount held waiting documentsReceived } } }`;

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'utf8');

/**
 * The execution context in distributed mode: the execution service is a process of its own behind
 * the gateway, its read models are kept by its own worker pool over Kafka, the documents go over
 * HTTP to the gateway's /attachments and are kept in PostgreSQL. A disbursement request walks
 * submission → HELD → corrected and resubmitted → CLEARED, and after each mutation the queries
 * answer what it wrote (read-your-writes across the processes); a monitoring round's due date,
 * passed, raises each unreported goal's overdue warning once (the reactions process), and a stop
 * funding decided on a late report holds the project's next request until it is lifted.
 */
describe('execution in distributed mode (PostgreSQL + Kafka + Redis)', () => {
  let platform: Awaited<ReturnType<typeof startDistributed>>;
  let client: Pick<TestPlatform, 'gql'>;
  let mint: TestPlatform['mint'];
  /** The first walk's unit, project and goal: a later test monitors them. */
  let first: Awaited<ReturnType<typeof issuedGoalOf>>;
  beforeAll(async () => {
    platform = await startDistributed();
    client = platform.client;
    mint = devKeyMinter(devKeyFile(platform.dir), { issuer: 'jixiao-dev', audience: 'jixiao' });
  });
  afterAll(() => platform?.dispose());

  /** Uploads a PDF to the gateway's POST /attachments as the unit's officer; the server's description. */
  async function upload(unitId: string, name: string) {
    const bytes = pdf(name);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
    const response = await fetch(`http://127.0.0.1:${platform.port}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await mint({ role: 'BUDGET_UNIT', unitId, userId: 'zhang.wei' })}` },
      body: form,
    });
    const body = (await response.json()) as { attachmentId: string; sha256: string };
    expect({ status: response.status, sha256: body.sha256 }).toEqual({
      status: 201,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    return body.attachmentId;
  }

  /** A registered first-level unit with a project of 4,800,000.00 allocated and its goal issued. */
  async function issuedGoalOf(code: string, name: string) {
    const unit = await ok(
      client,
      REGISTER_UNIT,
      { input: { code, name, level: 'FIRST', divisionCode: '429006' } },
      as('ADMIN'),
    );
    const project = await ok(
      client,
      PROPOSE_PROJECT,
      { input: projectInput(unit.id, { isNew: false, isMajor: false }) },
      officer(unit.id),
    );
    const goal = await ok(client, SUBMIT_GOAL, { input: goalInput(project.id) }, officer(unit.id));
    await jointReview(client, goal, 'APPROVE');
    await review(client, goal.id, 'APPROVE', performance);
    await ok(client, `mutation($input: AdmitProjectInput!) { admitProjectToLibrary(input: $input) { id } }`, {
      input: { projectId: project.id },
    });
    await ok(
      client,
      `mutation($input: AllocateBudgetInput!) { allocateBudget(input: $input) { id } }`,
      { input: { projectId: project.id, amount: '4800000.00', budgetDocument: '天财预〔2024〕3号' } },
      budgetSection,
    );
    await ok(client, `mutation($input: IssueGoalInput!) { issueGoal(input: $input) { id } }`, {
      input: { goalId: goal.id, budgetDocument: '天财预〔2024〕3号', issuedAmount: '4800000.00' },
    });
    return {
      unit: unit as { id: string },
      project: project as { id: string },
      goal: goal as { id: string; indicators: { id: string }[] },
    };
  }

  it('runs execution as its own service process with its own projection worker pool', async () => {
    const plan = processPlan(platform.port, '127.0.0.1', CONTEXTS);
    const service = plan.backends.find((p) => p.name === 'execution')!;
    const workers = plan.backends.find((p) => p.name === 'worker-execution')!;
    expect(service).toMatchObject({ entry: 'service-main', args: ['execution'] });
    expect(workers.env?.JIXIAO_PROJECTIONS?.split(',')).toEqual(executionContext.projections.map((p) => p.name));
    expect(plan.gateway.env?.JIXIAO_EXECUTION_URL).toBe(`${service.health}/graphql`);
    // both are running under the supervisor and answer their health checks
    const children = execFileSync('ps', ['-o', 'args=', '--ppid', String(platform.supervisor.pid)]).toString();
    expect(children).toMatch(/service-main\.js execution\b/);
    for (const health of [service.health, workers.health]) {
      expect((await fetch(`${health}/readyz`)).status).toBe(200);
    }
  });

  it('walks a request with an uploaded document from submission to HELD, corrected and resubmitted, then CLEARED', async () => {
    const { unit, project, goal } = (first = await issuedGoalOf('601', '天门市水利和湖泊局'));

    // the document goes over HTTP to the gateway and is kept in the schema's attachments table
    const approvalForm = await upload(unit.id, '拨款审批表.pdf');
    const stored = await withPgClient((c) =>
      c.query<{ name: string; unit_id: string; size: number }>(
        `SELECT name, unit_id, octet_length(bytes) AS size FROM "${platform.schema}".attachments WHERE attachment_id = $1`,
        [approvalForm],
      ),
    );
    expect(stored.rows).toEqual([{ name: '拨款审批表.pdf', unit_id: unit.id, size: pdf('拨款审批表.pdf').length }]);

    const submitted = await ok(
      client,
      SUBMIT,
      {
        input: {
          unitId: unit.id,
          projectId: project.id,
          goalId: goal.id,
          fiscalYear: 2024,
          amount: '1200000.00',
          purpose: '泵站改造工程进度款',
          batch: '2024年第3批',
          attachmentIds: [approvalForm],
        },
      },
      officer(unit.id),
    );
    expect(submitted).toMatchObject({
      unitId: unit.id,
      status: 'REQUESTED',
      submission: 1,
      amount: '1200000.00',
      documents: [{ attachmentId: approvalForm, name: '拨款审批表.pdf', contentType: 'application/pdf' }],
    });
    // read your writes: the unit's read and the section's queue and form answer it at once
    expect(await ok(client, ONE, { id: submitted.id }, officer(unit.id))).toEqual(submitted);
    const queue = await ok(client, QUEUE, {}, performance);
    expect(queue.nodes.map((n: { request: { id: string } }) => n.request.id)).toContain(submitted.id);
    const form = await ok(client, FORM, { id: submitted.id }, performance);
    expect(form).toMatchObject({
      allocated: '4800000.00',
      cleared: '0.00',
      otherOpen: '0.00',
      request: { id: submitted.id, status: 'REQUESTED', submission: 1 },
      facts: { goalSet: true, goalStatus: 'ISSUED', inGoalManagement: true, stopFunding: false, heldBefore: 0 },
    });

    const held = await ok(
      client,
      SIGN,
      { input: { requestId: submitted.id, outcome: 'HELD', reasons: ['缺少施工合同'] } },
      performance,
    );
    expect(held).toMatchObject({
      status: 'HELD',
      opinion: { outcome: 'HELD', reasons: ['缺少施工合同'], submission: 1 },
    });
    expect((await ok(client, ONE, { id: submitted.id }, officer(unit.id))).status).toBe('HELD');
    expect((await ok(client, QUEUE, {}, performance)).nodes).toEqual([]);

    const contract = await upload(unit.id, '施工合同.pdf');
    const resubmitted = await ok(
      client,
      RESUBMIT,
      {
        input: {
          requestId: submitted.id,
          amount: '1000000.00',
          purpose: '泵站改造工程进度款（补附合同）',
          batch: '2024年第4批',
          attachmentIds: [approvalForm, contract],
        },
      },
      officer(unit.id),
    );
    expect(resubmitted).toMatchObject({
      status: 'REQUESTED',
      submission: 2,
      amount: '1000000.00',
      documentsReceived: 3,
    });
    const again = await ok(client, FORM, { id: submitted.id }, performance);
    expect(again).toMatchObject({ request: { status: 'REQUESTED', submission: 2 }, facts: { heldBefore: 1 } });

    const cleared = await ok(client, SIGN, { input: { requestId: submitted.id, outcome: 'CLEARED' } }, performance);
    expect(cleared).toMatchObject({
      status: 'CLEARED',
      submission: 2,
      opinion: { outcome: 'CLEARED', submission: 2, shown: { heldBefore: 1, goalStatus: 'ISSUED' } },
    });
    expect(await ok(client, ONE, { id: submitted.id }, as('AUDITOR', null, 'zhao.audit'))).toEqual(cleared);
    expect(await ok(client, FIGURES, { year: 2024 }, budgetSection)).toEqual({
      total: {
        requests: 1,
        amount: '1000000.00',
        cleared: 1,
        clearedAmount: '1000000.00',
        held: 0,
        waiting: 0,
        documentsReceived: 3,
      },
    });

    // the section downloads the document through the gateway
    const download = await fetch(`http://127.0.0.1:${platform.port}/attachments/${contract}`, {
      headers: { authorization: `Bearer ${await mint({ role: 'PERFORMANCE_SECTION', userId: 'li.na' })}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf('施工合同.pdf'));
  });

  it('past a round’s due date raises each unreported goal’s overdue warning once (the reactions process); a stop funding on a late report holds the project until lifted', async () => {
    const second = await issuedGoalOf('602', '天门市农业农村局');
    const opened = await ok(
      client,
      `mutation($input: OpenMonitoringRoundInput!) { openMonitoringRound(input: $input) { id goals reported overdue } }`,
      {
        input: {
          divisionCode: '429006',
          fiscalYear: 2024,
          name: '2024年1—7月绩效运行监控',
          throughMonth: 7,
          dueDate: '2024-08-10',
        },
      },
      performance,
    );
    expect(opened).toMatchObject({ goals: 2, reported: 0 });
    // the due date is past: the scheduler appends MonitoringRoundDuePassed, the reaction one overdue warning per goal
    const OVERDUE = `query($round: ID) { monitoringWarnings(filter: { roundId: $round, kind: REPORT_OVERDUE }, page: { first: 50 }) {
      totalCount nodes { goalId unitId figures { name value } } } }`;
    const overdue = async () => ok(client, OVERDUE, { round: opened.id }, performance);
    const deadline = Date.now() + 60_000;
    while ((await overdue()).totalCount < 2) {
      if (Date.now() > deadline) throw new Error(`no overdue warnings: ${JSON.stringify(await overdue())}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 3000)); // the scheduler and the reaction had time to run again: still one each
    const warned = await overdue();
    expect(warned.totalCount).toBe(2);
    expect(warned.nodes.map((n: { goalId: string }) => n.goalId).sort()).toEqual(
      [first.goal.id, second.goal.id].sort(),
    );
    expect(warned.nodes[0].figures).toContainEqual({ name: 'dueDate', value: '2024-08-10' });
    // the unit sees its own
    const own = await ok(client, OVERDUE, { round: opened.id }, officer(second.unit.id));
    expect(own.nodes.map((n: { unitId: string }) => n.unitId)).toEqual([second.unit.id]);

    // the first unit files late: half its budget executed at the end of July, a forecast short of its target
    const filed = await ok(
      client,
      `mutation($input: FileMonitoringReportInput!) { fileMonitoringReport(input: $input) {
        late executionRate warnings { id kind } } }`,
      {
        input: {
          roundId: opened.id,
          goalId: first.goal.id,
          executed: '2400000.00',
          indicators: first.goal.indicators.map((i, n) => ({
            indicatorId: i.id,
            valueSoFar: n === 2 ? null : n === 0 ? 6 : 95,
            forecast: n === 2 ? null : n === 0 ? 10 : 100,
            likelihood: n === 0 ? 'AT_RISK' : 'ON_TRACK',
            deviationCause: n === 0 ? '两处泵站征地延迟' : null,
          })),
        },
      },
      officer(first.unit.id),
    );
    expect(filed.late).toBe(true);
    const kinds = filed.warnings.map((w: { kind: string }) => w.kind);
    expect(kinds).toEqual(expect.arrayContaining(['EXECUTION_BEHIND', 'FORECAST_MISSES_TARGET']));
    const progress = await ok(
      client,
      `query($id: ID!) { monitoringRoundProgress(roundId: $id) { units { unitId reported late overdue } } }`,
      { id: opened.id },
      performance,
    );
    expect(progress.units).toEqual(
      expect.arrayContaining([
        { unitId: first.unit.id, reported: 1, late: 1, overdue: 1 },
        { unitId: second.unit.id, reported: 0, late: 0, overdue: 1 },
      ]),
    );

    // the bureau stops funding on the execution warning: the project's next request is shown stopped and cannot be cleared
    const behind = filed.warnings.find((w: { kind: string }) => w.kind === 'EXECUTION_BEHIND');
    const stop = await ok(
      client,
      `mutation($input: DecideMonitoringCorrectionInput!) { decideMonitoringCorrection(input: $input) { id kind lifted } }`,
      { input: { warningId: behind.id, kind: 'STOP_FUNDING', reason: '执行进度滞后，暂停拨款' } },
      performance,
    );
    expect(stop).toMatchObject({ kind: 'STOP_FUNDING', lifted: false });
    const request = await ok(
      client,
      SUBMIT,
      {
        input: {
          unitId: first.unit.id,
          projectId: first.project.id,
          goalId: first.goal.id,
          fiscalYear: 2024,
          amount: '100000.00',
          purpose: '泵站改造工程尾款',
          batch: '2024年第6批',
          attachmentIds: [await upload(first.unit.id, '拨款审批表（尾款）.pdf')],
        },
      },
      officer(first.unit.id),
    );
    const stopped = await ok(client, FORM, { id: request.id }, performance);
    expect(stopped.facts).toMatchObject({ stopFunding: true, heldBefore: 1 });
    const refused = await client.gql(SIGN, { input: { requestId: request.id, outcome: 'CLEARED' } }, performance);
    expect(refused.errors?.[0]?.extensions?.code).toBe('ILLEGAL_STATE');
    expect((await ok(client, ONE, { id: request.id }, performance)).status).toBe('REQUESTED');

    await ok(
      client,
      `mutation($input: LiftFundingStopInput!) { liftFundingStop(input: $input) { id lifted } }`,
      { input: { correctionId: stop.id, reason: '单位已整改，恢复拨款' } },
      performance,
    );
    expect((await ok(client, FORM, { id: request.id }, performance)).facts.stopFunding).toBe(false);
    const cleared = await ok(client, SIGN, { input: { requestId: request.id, outcome: 'CLEARED' } }, performance);
    expect(cleared).toMatchObject({
      status: 'CLEARED',
      opinion: { outcome: 'CLEARED', shown: { goalStatus: 'ISSUED' } },
    });
  });

  it('keeps the execution read models equal to a fresh replay of the PostgreSQL store', async () => {
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema: platform.schema, catalog });
    try {
      const replay = await testing.freshReplay(store, `${platform.schema}_r`);
      expect(testing.rowCounts(replay)).toMatchObject({
        rm_disbursement_request: 2,
        rm_disbursement_standing: 2, // the two units' projects, with their allocations
        rm_monitoring_round: 1,
        rm_monitoring_report: 1,
        rm_monitoring_correction: 1,
      });
      expect(testing.rowCounts(replay).rm_monitoring_warning).toBeGreaterThanOrEqual(4);
      expect(await testing.dumpReadModels(platform.schema)).toEqual(replay);
    } finally {
      await store.close();
    }
  });
});
