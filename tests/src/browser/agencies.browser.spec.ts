import { expect } from '@jest/globals';
import { creditCodeCheckCharacter } from '@jixiao/events';
import { chinaToday } from '../support/key-evaluation-walk';
import { tokenSession, useConsoleHarness } from './harness';
import { buttonName, pick, record, tableRow } from './console-pages';

interface AgencyRow {
  id: string;
  name: string;
  ratings: { evaluationId: string; score: number }[];
  contracts: { contractNumber: string }[];
}

/** A day `days` after `day` (both `YYYY-MM-DD`). */
const plus = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Types a day into the antd date field labelled `field` within `scope` and confirms it. */
async function typeDay(scope: import('playwright-core').Locator, field: string, day: string): Promise<void> {
  const input = scope.getByLabel(field, { exact: true });
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

/**
 * 评价机构 in the browser (issue 16, items 1 and 5): the bureau reads the directory of the demo's
 * agencies (qualification, procurement, contracts with their period's state, the quality rating of
 * the evaluation carried to its final report, linked to it); registers an agency, is refused a
 * contract before the procurement result is recorded and one signed before the announcement, then
 * records both; an auditor reads the same directory without a button.
 */
describe('the agency directory: read by everyone who may, kept by the performance section', () => {
  const h = useConsoleHarness();
  const section = { role: 'PERFORMANCE_SECTION' as const, userId: 'li.na' };

  it('shows the demo agencies with contracts and ratings; registers one, records its procurement and contract', async () => {
    const demo = await h.platform.gql<{ agencies: { nodes: AgencyRow[]; totalCount: number } }>(
      `{ agencies(page: { first: 50 }) { totalCount nodes { id name ratings { evaluationId score } contracts { contractNumber } } } }`,
      {},
      section,
    );
    expect(demo.errors).toBeUndefined();
    const rated = demo.data!.agencies.nodes.find((a) => a.ratings.length > 0);
    expect(rated).toBeDefined();
    const evaluation = await h.platform.gql<{ keyEvaluation: { subject: string; fiscalYear: number } }>(
      `query($id: ID!) { keyEvaluation(id: $id) { subject fiscalYear } }`,
      { id: rated!.ratings[0]!.evaluationId },
      section,
    );

    const page = await h.newPage();
    await tokenSession(page, h, section, 'agencies');
    await page.getByRole('heading', { name: '评价机构' }).waitFor();
    for (const agency of demo.data!.agencies.nodes) await tableRow(page, agency.name).waitFor();
    await page.getByText(`共 ${demo.data!.agencies.totalCount} 家`).waitFor();
    // the rated agency opened: its contract and the rating, linked to the evaluation it rated
    const row = tableRow(page, rated!.name);
    await row.getByRole('button', { name: /展开/ }).click();
    const detail = page.locator('tr.ant-table-expanded-row');
    await detail.getByText(rated!.contracts[0]!.contractNumber).waitFor();
    await detail
      .getByRole('link', {
        name: `${evaluation.data!.keyEvaluation.fiscalYear} 年 · ${evaluation.data!.keyEvaluation.subject}`,
      })
      .waitFor();
    await detail.getByText(String(rated!.ratings[0]!.score), { exact: true }).waitFor();
    await record(page, 'evaluation-agencies');

    // register an agency
    const first17 = '91429006MA4K8N0X1';
    const creditCode = `${first17}${creditCodeCheckCharacter(first17)}`;
    const name = '湖北明鉴绩效评价咨询有限公司';
    await page.getByRole('button', { name: '登记机构' }).click();
    const register = page.getByRole('dialog', { name: '登记第三方机构' });
    await register.getByLabel('机构名称').fill(name);
    await register.getByLabel('统一社会信用代码').fill(creditCode);
    await register.getByLabel('资质').fill('工程咨询单位乙级资信；湖北省预算绩效管理第三方机构库入库');
    await register.getByRole('button', { name: buttonName('登记') }).click();
    await register.waitFor({ state: 'hidden' });
    const added = tableRow(page, name);
    await added.waitFor();
    await added.getByText('未记录').waitFor();

    // a contract before any procurement result is refused, and nothing is recorded
    await added.getByRole('button', { name: `记录合同：${name}` }).click();
    const contract = page.getByRole('dialog', { name: `委托合同：${name}` });
    const today = chinaToday();
    const fillContract = async (signedOn: string) => {
      await contract.getByLabel('合同编号').fill('TMCZ-2026-PJ-09');
      await typeDay(contract, '签订日期', signedOn);
      const [from, to] = [contract.getByPlaceholder('开始日期'), contract.getByPlaceholder('结束日期')];
      await from.click();
      await from.fill(plus(today, -30));
      await from.press('Enter');
      await to.fill(plus(today, 335));
      await to.press('Enter');
      await contract.getByLabel('委托范围').fill('2026 年度财政重点评价项目 3 个');
      await contract.getByLabel('合同金额（元）').fill('186000.00');
      await contract.getByRole('button', { name: '记录合同' }).click();
    };
    await fillContract(plus(today, -40));
    await page.getByText(`第三方机构「${name}」尚无政府采购结果，不能签订委托合同`).first().waitFor();
    await contract.getByRole('button', { name: buttonName('取消') }).click();
    await contract.waitFor({ state: 'hidden' });

    // the procurement result
    await added.getByRole('button', { name: `采购结果：${name}` }).click();
    const procurement = page.getByRole('dialog', { name: `政府采购结果：${name}` });
    await pick(page, procurement, '采购方式', '竞争性磋商');
    await typeDay(procurement, '结果公告日期', plus(today, -35));
    await procurement.getByLabel('公告编号或地址').fill('TMCG-2026-0917');
    await procurement.getByRole('button', { name: buttonName('记录') }).click();
    await procurement.waitFor({ state: 'hidden' });
    await added.getByText('竞争性磋商').waitFor();

    // a contract signed before the announcement is refused beside its day; the right day is recorded
    await added.getByRole('button', { name: `记录合同：${name}` }).click();
    await fillContract(plus(today, -40));
    await contract.getByText(`签订日期应不早于采购结果公告日期 ${plus(today, -35)}`).waitFor();
    await record(page, 'evaluation-agency-contract-refused');
    await typeDay(contract, '签订日期', plus(today, -32));
    await contract.getByRole('button', { name: '记录合同' }).click();
    await contract.waitFor({ state: 'hidden' });
    await added.getByText('TMCZ-2026-PJ-09').waitFor();
    await added.locator('.ant-tag', { hasText: '履行期内' }).waitFor();

    const recorded = await h.platform.gql<{
      agencies: { nodes: { creditCode: string; procurement: { method: string }; contracts: unknown[] }[] };
    }>(
      `query($name: String) { agencies(filter: { name: $name }) { nodes { creditCode procurement { method } contracts { contractNumber signedOn from to scope amount } } } }`,
      { name },
      section,
    );
    expect(recorded.data!.agencies.nodes).toEqual([
      {
        creditCode,
        procurement: { method: 'COMPETITIVE_CONSULTATION' },
        contracts: [
          {
            contractNumber: 'TMCZ-2026-PJ-09',
            signedOn: plus(today, -32),
            from: plus(today, -30),
            to: plus(today, 335),
            scope: '2026 年度财政重点评价项目 3 个',
            amount: '186000.00',
          },
        ],
      },
    ]);

    // the rating offers only this agency's evaluations with a final report not yet rated: none for the new one
    await added.getByRole('button', { name: `评定质量：${name}` }).click();
    const rating = page.getByRole('dialog', { name: `评定评价质量：${name}` });
    await rating.getByLabel('重点评价', { exact: true }).click();
    await page.getByText('暂无可评定的评价').waitFor();
    await page.keyboard.press('Escape');

    // an auditor reads the directory: no button to register, record or rate
    const auditor = await h.newPage();
    await tokenSession(auditor, h, { role: 'AUDITOR' }, 'agencies');
    await tableRow(auditor, name).waitFor();
    expect(await auditor.getByRole('button', { name: '登记机构' }).count()).toBe(0);
    expect(await auditor.getByRole('button', { name: /^(采购结果|记录合同|评定质量)：/ }).count()).toBe(0);
    expect(await auditor.getByRole('columnheader', { name: '操作' }).count()).toBe(0);
    await record(auditor, 'evaluation-agencies-auditor');
  }, 300_000);
});
