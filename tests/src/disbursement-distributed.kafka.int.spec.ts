import { devKeyFile } from '@jixiao/infra';
import { startDistributed } from './support/distributed';
import { as, devKeyMinter, REGISTER_UNIT, SUBMIT_GOAL, type TestPlatform } from './support/platform';
import {
  budgetSection,
  goalInput,
  jointReview,
  officer,
  ok,
  performance,
  PROPOSE_PROJECT,
  projectInput,
  review,
} from './support/walk';

jest.setTimeout(300_000);

const REQUEST = `id status submission amount documents { attachmentId name sha256 } opinion { outcome submission }`;

/**
 * The disbursement review in distributed mode (PostgreSQL + Kafka + Redis, the execution service in
 * its own process, the projection workers in theirs): documents uploaded over HTTP to the gateway
 * (kept in PostgreSQL), a request HELD, corrected and CLEARED — each answer already showing its change.
 */
describe('the disbursement review in distributed mode', () => {
  let platform: Awaited<ReturnType<typeof startDistributed>>;
  let client: Pick<TestPlatform, 'gql'>;
  beforeAll(async () => {
    platform = await startDistributed();
    client = platform.client;
  });
  afterAll(() => platform?.dispose());

  /** `POST /attachments` at the gateway as the unit's officer, as the console's upload does. */
  async function upload(unitId: string, name: string): Promise<string> {
    const mint = devKeyMinter(devKeyFile(platform.dir), { issuer: 'jixiao-dev', audience: 'jixiao' });
    const token = await mint({ role: 'BUDGET_UNIT', unitId, userId: 'zhang.wei' });
    const form = new FormData();
    const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${name}\n%%EOF\n`);
    form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
    const response = await fetch(`http://127.0.0.1:${platform.port}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { attachmentId: string }).attachmentId;
  }

  it('walks a request HELD → corrected → CLEARED, its documents uploaded over HTTP', async () => {
    const unit = await ok(
      client,
      REGISTER_UNIT,
      { input: { code: '701', name: '天门市教育局', level: 'FIRST', divisionCode: '429006' } },
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
    const form = await upload(unit.id, '拨款审批表.pdf');
    const submitted = await ok(
      client,
      `mutation($input: SubmitDisbursementRequestInput!) { submitDisbursementRequest(input: $input) { ${REQUEST} } }`,
      {
        input: {
          unitId: unit.id,
          projectId: project.id,
          goalId: goal.id,
          fiscalYear: 2024,
          amount: '1200000.00',
          purpose: '校舍维修工程进度款',
          batch: '2024年第3批',
          attachmentIds: [form],
        },
      },
      officer(unit.id),
    );
    expect(submitted).toMatchObject({ status: 'REQUESTED', submission: 1, documents: [{ attachmentId: form }] });
    const facts = await ok(
      client,
      'query($id: ID!) { disbursementOpinionForm(requestId: $id) { allocated facts { goalStatus inGoalManagement } } }',
      { id: submitted.id },
      performance,
    );
    expect(facts).toEqual({ allocated: '4800000.00', facts: { goalStatus: 'APPROVED', inGoalManagement: true } });

    const sign = (outcome: string, reasons: string[] = []) =>
      ok(
        client,
        `mutation($input: SignDisbursementOpinionInput!) { signDisbursementOpinion(input: $input) { ${REQUEST} } }`,
        { input: { requestId: submitted.id, outcome, reasons } },
        performance,
      );
    expect(await sign('HELD', ['缺少施工合同'])).toMatchObject({ status: 'HELD', opinion: { outcome: 'HELD' } });
    const contract = await upload(unit.id, '施工合同.pdf');
    const corrected = await ok(
      client,
      `mutation($input: ResubmitDisbursementRequestInput!) { resubmitDisbursementRequest(input: $input) { ${REQUEST} } }`,
      {
        input: {
          requestId: submitted.id,
          amount: '1200000.00',
          purpose: '校舍维修工程进度款（补附合同）',
          batch: '2024年第4批',
          attachmentIds: [form, contract],
        },
      },
      officer(unit.id),
    );
    expect(corrected).toMatchObject({ status: 'REQUESTED', submission: 2 });
    expect(await sign('CLEARED')).toMatchObject({ status: 'CLEARED', opinion: { outcome: 'CLEARED', submission: 2 } });

    const figures = await ok(
      client,
      '{ disbursementFigures(fiscalYear: 2024) { total { requests cleared clearedAmount documentsReceived } } }',
      {},
      as('AUDITOR', null, 'zhao.audit'),
    );
    expect(figures.total).toEqual({ requests: 1, cleared: 1, clearedAmount: '1200000.00', documentsReceived: 3 });
  });
});
