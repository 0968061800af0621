import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { tokenSession, useConsoleHarness } from './harness';
import { pick, record, stateTag, tableRow } from './console-pages';

const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'utf8');

interface IssuedGoal {
  id: string;
  projectId: string;
  projectName: string;
  unit: { id: string; code: string };
}

/**
 * 拨款审核 in the browser (issue 15, item 3): a budget unit fills the request form of one of its issued
 * goals with an uploaded approval form, the performance section opens it from its queue with the facts
 * pre-filled and clears it; another request is held with reasons and a corrected fact, corrected by the
 * unit on its page, submitted again and cleared.
 */
describe('disbursement requests on screen, from the unit’s form to the section’s opinion', () => {
  const h = useConsoleHarness();
  const auditor = { role: 'AUDITOR' as const, userId: 'zhou.shen' };
  let goal: IssuedGoal;
  let firstId: string;

  /** An issued goal of the demo year whose project has budget allocated, of a budget unit the sign-in offers. */
  async function issuedGoalWithBudget(): Promise<IssuedGoal> {
    const answer = await h.platform.gql<{ goals: { nodes: (IssuedGoal & { project: unknown })[] } }>(
      `{ goals(filter: { fiscalYear: 2023, status: ISSUED }, page: { first: 200 }) {
          nodes { id projectId projectName unit { id code } } } }`,
      {},
      auditor,
    );
    expect(answer.errors).toBeUndefined();
    const { units } = (await fetch(h.url('dev/identities')).then((r) => r.json())) as { units: { code: string }[] };
    const offered = new Set(units.map((u) => u.code));
    for (const candidate of answer.data!.goals.nodes) {
      if (!candidate.projectId || !offered.has(candidate.unit.code)) continue;
      const project = await h.platform.gql<{ project: { allocatedTotal: string } }>(
        `query($id: ID!) { project(id: $id) { allocatedTotal } }`,
        { id: candidate.projectId },
        auditor,
      );
      if (Number(project.data?.project.allocatedTotal ?? 0) >= 100_000) return candidate;
    }
    throw new Error('the demo year has no issued goal with budget allocated');
  }

  const statusOf = async (id: string) =>
    (
      await h.platform.gql<{ disbursementRequest: { status: string; submission: number; amount: string } }>(
        `query($id: ID!) { disbursementRequest(id: $id) { status submission amount } }`,
        { id },
        auditor,
      )
    ).data?.disbursementRequest;

  /** The unit fills the form: its goal, the amount, purpose, batch and an uploaded PDF; returns the request id. */
  async function submitRequest(unit: Page, amount: string, batch: string): Promise<string> {
    await unit.goto(h.url('disbursements'));
    await unit.getByRole('button', { name: '新建拨款申请' }).click();
    await unit.waitForURL(/\/console\/disbursements\/new$/);
    await pick(unit, unit, '项目及绩效目标', goal.projectName);
    await unit.getByLabel('申请金额（元）').fill(amount);
    await unit.getByLabel('资金用途').fill('项目实施进度款');
    await unit.getByLabel('支付批次').fill(batch);
    const files = unit.locator('input[type=file]');
    // a refused type is refused before it is sent, in Chinese
    await files.setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('说明') });
    await unit.getByRole('alert').getByText('「说明.txt」的文件类型不被接受').first().waitFor();
    await files.setInputFiles({ name: '拨款审批表.pdf', mimeType: 'application/pdf', buffer: PDF(batch) });
    const uploaded = tableRow(unit, '拨款审批表.pdf');
    await uploaded.waitFor();
    expect(await uploaded.textContent()).toContain('PDF');
    await unit.getByRole('button', { name: '提交申请' }).click();
    await unit.waitForURL(/\/console\/disbursements\/[0-9a-f-]{36}$/);
    await stateTag(unit, '待审核').waitFor();
    return /disbursements\/([0-9a-f-]{36})$/.exec(unit.url())![1]!;
  }

  /** The section opens the request from its queue: the facts are pre-filled. */
  async function openFromQueue(section: Page, batch: string) {
    await section.goto(h.url('disbursement-queue'));
    await section.getByRole('link', { name: `审核：${batch}` }).click();
    await section.getByText('此刻的事实（系统预填').waitFor();
  }

  /** Picks the outcome: antd's button-style radios are labels over hidden inputs. */
  const outcome = (section: Page, text: string) =>
    section.locator('.ant-radio-button-wrapper', { hasText: text }).click();

  beforeAll(async () => {
    goal = await issuedGoalWithBudget();
  }, 120_000);

  it('a unit submits with an upload and the section clears it', async () => {
    const unit = await h.newPage();
    await tokenSession(unit, h, { role: 'BUDGET_UNIT', unitCode: goal.unit.code });
    const id = await submitRequest(unit, '12000.00', '界面测试第1批');
    firstId = id;
    await record(unit, 'execution-disbursement-submitted');
    expect(await statusOf(id)).toMatchObject({ status: 'REQUESTED', amount: '12000.00', submission: 1 });

    const section = await h.newPage();
    await tokenSession(section, h, { role: 'PERFORMANCE_SECTION', userId: 'li.na' });
    await openFromQueue(section, '界面测试第1批');
    await section.getByText('是否纳入目标管理').first().waitFor();
    await record(section, 'execution-disbursement-opinion-form');
    await outcome(section, '同意拨付');
    await section.getByLabel('审核意见', { exact: true }).fill('目标已下达，同意拨付');
    await section.getByRole('button', { name: '签署意见' }).click();
    await section.waitForURL(/\/console\/disbursement-queue$/);
    expect((await statusOf(id))?.status).toBe('CLEARED');

    await unit.reload();
    await stateTag(unit, '同意拨付').waitFor();
    await unit.getByText('目标已下达，同意拨付').waitFor();
    await record(unit, 'execution-disbursement-cleared');
  }, 240_000);

  it('another is held with reasons, corrected, submitted again and cleared', async () => {
    const unit = await h.newPage();
    await tokenSession(unit, h, { role: 'BUDGET_UNIT', unitCode: goal.unit.code });
    const id = await submitRequest(unit, '30000.00', '界面测试第2批');

    const section = await h.newPage();
    await tokenSession(section, h, { role: 'PERFORMANCE_SECTION', userId: 'li.na' });
    await openFromQueue(section, '界面测试第2批');
    // a fact corrected needs its reason: refused on screen until one is given
    await section.getByRole('switch', { name: '更正预算执行率（%）' }).click();
    await section.getByLabel('预算执行率（%）更正为').fill('20.00');
    await outcome(section, '暂缓拨付');
    await section.getByLabel('暂缓理由').fill('支付进度与实施进度不符\n请补充工程进度证明');
    await section.getByRole('button', { name: '签署意见' }).click();
    await section.getByText('更正事实须说明理由').waitFor();
    await section.getByLabel('预算执行率（%）更正理由').fill('财务系统已支付未入账');
    await record(section, 'execution-disbursement-holding');
    await section.getByRole('button', { name: '签署意见' }).click();
    await section.waitForURL(/\/console\/disbursement-queue$/);
    expect((await statusOf(id))?.status).toBe('HELD');

    // its home page counts it among the to-dos (a held request of the unit at least)
    await unit.goto(h.url());
    const todo = unit.getByTestId('todo-held');
    await todo.getByRole('link', { name: '被暂缓待修改的拨款申请' }).waitFor();
    await todo.locator('[aria-label$=" 项"]:not([aria-label="0 项"])').first().waitFor();
    // the unit reads why, corrects the amount and the documents, and submits it again
    await unit.goto(h.url(`disbursements/${id}`));
    await stateTag(unit, '暂缓拨付').waitFor();
    await unit.getByText('请补充工程进度证明').waitFor();
    await unit.getByText('财务系统已支付未入账').waitFor();
    await unit.getByRole('button', { name: '修改申请' }).click();
    await unit.getByLabel('申请金额（元）').fill('25000.00');
    await unit
      .locator('input[type=file]')
      .setInputFiles({ name: '工程进度证明.pdf', mimeType: 'application/pdf', buffer: PDF('进度') });
    await tableRow(unit, '工程进度证明.pdf').waitFor();
    await record(unit, 'execution-disbursement-correcting');
    await unit.getByRole('button', { name: '修改后重新提交' }).click();
    await stateTag(unit, '待审核').waitFor();
    expect(await statusOf(id)).toMatchObject({ status: 'REQUESTED', amount: '25000.00', submission: 2 });

    await openFromQueue(section, '界面测试第2批');
    // the facts now count the hold before (the earlier opinion's facts stay as they were shown)
    const now = section.locator('.ant-descriptions', { hasText: '此刻的事实' });
    expect(await now.locator('th:has-text("此前暂缓次数") + td').textContent()).toBe('1');
    await section.getByRole('button', { name: '签署意见' }).click();
    await section.waitForURL(/\/console\/disbursement-queue$/);
    expect((await statusOf(id))?.status).toBe('CLEARED');
    await unit.reload();
    await stateTag(unit, '同意拨付').waitFor();
  }, 300_000);

  it('the auditor reads the requests and the year’s figures with no button that writes', async () => {
    const page = await h.newPage();
    await tokenSession(page, h, auditor, 'disbursements');
    await tableRow(page, '界面测试第1批').waitFor();
    expect(await page.getByRole('button', { name: '新建拨款申请' }).count()).toBe(0);
    await page.getByRole('link', { name: /拨款申请：界面测试第2批/ }).click();
    await stateTag(page, '同意拨付').waitFor();
    expect(await page.getByRole('button', { name: '签署意见' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '修改申请' }).count()).toBe(0);
    await page.goto(h.url('disbursement-figures'));
    await page.getByText('申请笔数').first().waitFor();
    await page.getByRole('img', { name: /各月申请/ }).waitFor();
    // the execution rate per unit (cleared ÷ allocated), from the same figures
    await page.getByRole('img', { name: /各单位预算执行率/ }).waitFor();
    await page.getByRole('columnheader', { name: '预算执行率' }).waitFor();
    await record(page, 'execution-disbursement-figures');
  }, 120_000);

  it('another budget unit sees only its own unit’s requests, and not this one by its link', async () => {
    const { units } = (await fetch(h.url('dev/identities')).then((r) => r.json())) as { units: { code: string }[] };
    const other = units.find((u) => u.code !== goal.unit.code && u.code.length === goal.unit.code.length)!;
    const page = await h.newPage();
    await tokenSession(page, h, { role: 'BUDGET_UNIT', unitCode: other.code }, 'disbursements');
    await page.getByRole('button', { name: '新建拨款申请' }).waitFor();
    await page.locator('.ant-table-tbody').waitFor();
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    expect(await tableRow(page, '界面测试第1批').count()).toBe(0);
    await page.goto(h.url(`disbursements/${firstId}`));
    await page
      .getByText(/未找到|无权访问/)
      .first()
      .waitFor();
    expect(await page.getByText('界面测试第1批').count()).toBe(0);
  }, 120_000);
});
