import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { chinaToday } from '../support/key-evaluation-walk';
import { signInAs, tokenSession, useConsoleHarness } from './harness';
import { record, stateTag, tableRow } from './console-pages';

const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'utf8');

const SCORESHEET = [
  { dimension: '决策', indicator: '政策依据充分性', maxPoints: '15', points: '13.5' },
  { dimension: '过程', indicator: '资金使用合规性', maxPoints: '20', points: '17' },
  { dimension: '产出', indicator: '通客车建制村覆盖', maxPoints: '35', points: '31' },
  { dimension: '效益', indicator: '群众满意度', maxPoints: '30', points: '26' },
];

/** Picks an option of the Select labelled `field` in the list that Select controls (another may still be fading out). */
async function choose(page: Page, field: string, option: string): Promise<void> {
  const input = page.getByLabel(field, { exact: true });
  await input.click();
  const list = await input.getAttribute('aria-controls');
  const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) });
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
}

/** The file input of the tab on screen (an earlier tab's stays in the page, hidden). */
const fileInput = (page: Page, nth = 0) => page.getByRole('tabpanel').locator('input[type=file]').nth(nth);

/**
 * 评价工作台 in the browser (issue 16, item 5): the bureau has planned a key evaluation and assigned it
 * to the demo agency under a contract; the agency's user finds it among its assignments, records a
 * site visit with a photo uploaded, scores the four dimensions, submits a draft report; the evaluated
 * unit gives its opinion on the draft; the agency answers it and submits the final report, and the
 * score and grade the platform computes are shown.
 */
describe('an agency’s key-evaluation workspace', () => {
  const h = useConsoleHarness();
  const section = { role: 'PERFORMANCE_SECTION' as const, userId: 'li.na' };
  const today = chinaToday();
  const subject = '城乡客运一体化补助政策（界面测试）';

  it('records evidence, scores, drafts, answers the unit’s opinion and finalizes; another unit finds nothing', async () => {
    const agencies = await h.platform.gql<{ agencies: { nodes: { id: string; name: string }[] } }>(
      `{ agencies(filter: { name: "天衡" }, page: { first: 5 }) { nodes { id name } } }`,
      {},
      section,
    );
    expect(agencies.errors).toBeUndefined();
    const agency = agencies.data!.agencies.nodes[0]!;
    // a contract in force today: the demo year's run over the year after the one evaluated
    const contractNumber = 'TMCZ-UI-01';
    const signed = await h.platform.gql(
      `mutation($input: SignAgencyContractInput!) { signAgencyContract(input: $input) { id } }`,
      {
        input: {
          agencyId: agency.id,
          contractNumber,
          signedOn: today,
          from: today,
          to: `${Number(today.slice(0, 4)) + 1}-12-31`,
          scope: '财政重点绩效评价',
          amount: '120000.00',
        },
      },
      section,
    );
    expect(signed.errors).toBeUndefined();
    const { units } = (await fetch(h.url('dev/identities')).then((r) => r.json())) as {
      units: { id: string; code: string; name: string }[];
    };
    const unit = units[0]!;
    // the section plans it on the board and assigns it in the workspace
    const bureau = await h.newPage();
    await tokenSession(bureau, h, section, 'key-evaluation-board');
    await choose(bureau, '评价对象类型', '政策');
    await bureau.getByLabel('被评价单位', { exact: true }).fill(unit.code);
    await bureau
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: unit.code })
      .first()
      .click();
    await bureau.getByLabel('评价对象名称').fill(subject);
    await bureau.getByRole('button', { name: '列入计划' }).click();
    await tableRow(bureau, subject).first().waitFor();
    await record(bureau, 'evaluation-key-evaluation-board');
    await bureau.getByRole('link', { name: subject }).click();
    await bureau.getByRole('heading', { name: `评价工作台：${subject}` }).waitFor();
    await choose(bureau, '评价机构及合同', contractNumber);
    await bureau.getByLabel('委托范围').fill('政策决策、过程、产出与效益');
    await bureau.getByRole('button', { name: '委托', exact: true }).click();
    await stateTag(bureau, '已委托').waitFor();
    const id = /key-evaluations\/([^/?#]+)$/.exec(bureau.url())![1]!;

    const page = await h.newPage();
    await signInAs(page, h, { role: 'AGENCY', userId: 'agency.tianheng' });
    await page.goto(h.url('key-evaluations'));
    await tableRow(page, subject).first().waitFor();
    await page.getByRole('link', { name: `打开：${subject}` }).click();
    await page.getByRole('heading', { name: `评价工作台：${subject}` }).waitFor();

    // a site visit with its photo
    await page.getByLabel('证据日期').click();
    await page.getByLabel('证据日期').fill(today);
    await page.getByLabel('证据日期').press('Enter');
    await page.keyboard.press('Escape');
    await page.getByLabel('核查地点').fill('岳口镇客运站');
    await fileInput(page).setInputFiles({
      name: '岳口镇客运站现场照片.pdf',
      mimeType: 'application/pdf',
      buffer: PDF('现场'),
    });
    await tableRow(page, '岳口镇客运站现场照片.pdf').first().waitFor();
    await page.getByRole('button', { name: '记录证据' }).click();
    const evidence = page.getByRole('tabpanel');
    await evidence.getByText('地点：岳口镇客运站').waitFor();
    await page.getByRole('tab', { name: '评价证据（1）' }).waitFor();
    expect(await evidence.getByText('岳口镇客运站现场照片.pdf').count()).toBe(1);
    await record(page, 'evaluation-key-evaluation-evidence');

    // the four dimensions scored
    await page.getByRole('tab', { name: /评分/ }).click();
    for (const [i, row] of SCORESHEET.entries()) {
      if (i > 0) await page.getByRole('button', { name: '添加一行' }).click();
      await choose(page, `第 ${i + 1} 行维度`, row.dimension);
      await page.getByLabel(`第 ${i + 1} 行指标`).fill(row.indicator);
      await page.getByLabel(`第 ${i + 1} 行满分`).fill(row.maxPoints);
      await page.getByLabel(`第 ${i + 1} 行得分`).fill(row.points);
    }
    await page.getByRole('button', { name: '提交评分' }).click();
    await page.getByText('政策依据充分性：13.5 / 15').waitFor();
    await page.getByRole('tab', { name: '评分（4）' }).waitFor();
    await record(page, 'evaluation-key-evaluation-scores');

    // the draft report, version 1
    await page.getByRole('tab', { name: /报告与意见/ }).click();
    await fileInput(page).setInputFiles({ name: '评价报告初稿.pdf', mimeType: 'application/pdf', buffer: PDF('初稿') });
    await tableRow(page, '评价报告初稿.pdf').first().waitFor();
    await page.getByLabel('修改说明').fill('初稿');
    await page.getByRole('button', { name: '提交报告初稿' }).click();
    await page.getByText(/第 1 版/).waitFor();

    // the evaluated unit's opinion on the draft
    const officer = await h.newPage();
    await tokenSession(officer, h, { role: 'BUDGET_UNIT', unitCode: unit.code }, `key-evaluations/${id}`);
    await officer.getByRole('tab', { name: /报告与意见/ }).click();
    await officer.getByLabel('本单位意见').fill('客运站改造数量应按竣工验收口径统计');
    await officer.getByRole('button', { name: '提出意见' }).click();
    await officer.getByText('待回复', { exact: true }).waitFor();

    // another unit does not see it at all: NOT_FOUND, shown as the shell shows it
    const stranger = await h.newPage();
    await tokenSession(stranger, h, { role: 'BUDGET_UNIT', unitCode: units[1]!.code }, `key-evaluations/${id}`);
    await stranger.getByText('未找到：该记录不存在，或不在您的权限范围内').waitFor();

    // answered, then the final report
    await page.reload();
    await page.getByRole('tab', { name: /报告与意见/ }).click();
    await page.getByText('客运站改造数量应按竣工验收口径统计').waitFor();
    await page.getByLabel('回复', { exact: true }).fill('已按竣工验收口径修改');
    await page.getByRole('button', { name: '回复意见' }).click();
    await page.getByText('采纳：已按竣工验收口径修改', { exact: false }).waitFor();
    await record(page, 'evaluation-key-evaluation-reports');
    await fileInput(page, 1).setInputFiles({
      name: '评价报告（正式）.pdf',
      mimeType: 'application/pdf',
      buffer: PDF('正式'),
    });
    await tableRow(page, '评价报告（正式）.pdf').first().waitFor();
    await page.getByRole('button', { name: '提交正式报告' }).click();
    await page.getByRole('tab', { name: '评价结果' }).waitFor();
    await page.getByText('正式报告已提交').waitFor();
    await page.getByRole('tab', { name: '评价结果' }).click();
    const result = page.getByText(/^总分 /);
    await result.waitFor();
    expect(await result.textContent()).toContain('87.50');
    await record(page, 'evaluation-key-evaluation-result');

    const stored = await h.platform.gql<{ keyEvaluation: { stage: string; final: { total: number } } }>(
      `query($id: ID!) { keyEvaluation(id: $id) { stage final { total } } }`,
      { id },
      section,
    );
    expect(stored.data!.keyEvaluation).toEqual({ stage: 'FINAL', final: { total: 87.5 } });

    // the year's figures: the grade distribution and each unit's scores drawn, the units' table filled
    await bureau.goto(h.url('evaluation-figures'));
    await bureau.getByRole('img', { name: '自评与重点评价的等级分布' }).locator('canvas').waitFor();
    await bureau.getByRole('img', { name: '各单位整体支出自评得分与项目自评平均分' }).locator('canvas').waitFor();
    await bureau.getByRole('columnheader', { name: '整体支出得分' }).waitFor();
    expect(await bureau.locator('tr.ant-table-row').count()).toBeGreaterThan(0);
    await record(bureau, 'evaluation-figures');
  }, 300_000);
});
