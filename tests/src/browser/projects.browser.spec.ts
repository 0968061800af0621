import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { tokenSession, useConsoleHarness } from './harness';
import { record } from './console-pages';

/**
 * 项目库、事前绩效评估、指标库、精品样本 in the browser (issue 14 item 3): a unit proposes a new major
 * project; the performance section opens its pre-assessment with an expert; the expert scores it
 * 84.5 in all; the section's 予以支持 is refused below the pass mark of 85, in Chinese; the budget
 * section admits a project that meets the gate and allocates it budget.
 */
describe('projects, pre-assessment, indicator library and samples pages', () => {
  const h = useConsoleHarness();
  const UNIT = '101002'; // 天门中学 of the demo year
  const EXPERT = 'expert.browser';

  /** Waits for the page's level-2 title and saves what is on screen, with its accessibility check. */
  async function recordTitled(page: Page, title: string | RegExp, name: string) {
    await page.getByRole('heading', { level: 2, name: title }).first().waitFor();
    await record(page, name);
  }

  it('a unit proposes a new major project, blocked until it has a goal and a passed pre-assessment', async () => {
    const page = await h.newPage();
    await tokenSession(page, h, { role: 'BUDGET_UNIT', unitCode: UNIT }, 'projects/new');
    await recordTitled(page, '申报项目', 'projects-propose');

    // the platform's checks, inline before any request: a third decimal and 11 years
    await page.getByLabel('项目编码').fill('101002-2023-0901');
    await page.getByLabel('项目名称').fill('天门中学智慧教室建设');
    await page.getByLabel('申请金额（元）').fill('1200000.005');
    await page.getByLabel('实施年限（年）').fill('11');
    await page.getByRole('button', { name: '提交申报' }).click();
    await page.getByText('申请金额无效，应为以元计、至多两位小数的金额').waitFor();
    await page.getByText('实施年限应为 1–10 年').waitFor();

    await page.getByLabel('申请金额（元）').fill('1200000.00');
    await page.getByLabel('实施年限（年）').fill('2');
    await page.getByLabel('重大项目').click();
    await page.getByRole('button', { name: '提交申报' }).click();
    await page.waitForURL(/\/console\/projects\/[0-9a-f-]{36}$/);
    await page.getByText('该项目尚不能入库').waitFor();
    await expect(page.getByText('缺少已批准的绩效目标：请先设定绩效目标并通过审核')).toBeTruthy();
    await page.getByText('新增重大项目须通过事前绩效评估，目前没有通过的评估').waitFor();
    await recordTitled(page, /天门中学智慧教室建设/, 'projects-project-blocked');

    // the list says why, under 只看不能入库的项目
    await page.goto(h.url('projects?blocked=1'));
    await page.getByRole('link', { name: '天门中学智慧教室建设' }).waitFor();
    await recordTitled(page, '项目库', 'projects-list-blocked');
  }, 300_000);

  it('an expert scores 84.5 in all and the conclusion 予以支持 is refused below the pass mark 85', async () => {
    const section = await h.newPage();
    const proposed = await h.platform.gql<{ projects: { nodes: { id: string; name: string }[] } }>(
      `query { projects(filter: { fiscalYear: 2023, blockedOnly: true }, page: { first: 200 }) {
        nodes { id name libraryBlockers { condition } } } }`,
      undefined,
      { role: 'PERFORMANCE_SECTION', userId: 'li.na' },
    );
    const waiting = (
      proposed.data!.projects.nodes as { id: string; name: string; libraryBlockers: { condition: string }[] }[]
    ).find((p) => p.libraryBlockers.some((b) => b.condition === 'PASSED_PRE_ASSESSMENT'));
    expect(waiting).toBeDefined();

    // the performance section opens the assessment from the project page, naming the expert
    await tokenSession(section, h, { role: 'PERFORMANCE_SECTION', userId: 'li.na' }, 'pre-assessments');
    await section.locator('tbody tr.ant-table-row').first().waitFor();
    await recordTitled(section, '事前绩效评估', 'pre-assessments-awaiting');
    await section.goto(h.url(`projects/${waiting!.id}`));
    await section.getByRole('button', { name: '启动事前评估' }).click();
    const scorers = section.getByLabel('评分人', { exact: true });
    await scorers.fill(EXPERT);
    await scorers.press('Enter');
    await section.getByRole('button', { name: '启动评估' }).click();
    await section.waitForURL(/\/console\/pre-assessments\/[0-9a-f-]{36}$/);
    const assessmentPath = new URL(section.url()).pathname.replace('/console/', '');
    await section.getByText(EXPERT, { exact: false }).first().waitFor();
    await recordTitled(section, '事前绩效评估', 'pre-assessment-opened');

    // the expert finds it among their assignments and scores the five dimensions (max 20 each)
    const expert = await h.newPage();
    await tokenSession(expert, h, { role: 'EXPERT', userId: EXPERT }, 'pre-assessments');
    await expert.getByText('已评 0 / 5 个维度').waitFor();
    await recordTitled(expert, '事前绩效评估', 'pre-assessments-assigned');
    await expert.getByRole('link', { name: /的项目$/ }).click();
    await expert.getByText('我的评分').waitFor();
    // one over the maximum is caught beside the field
    await expert.getByLabel('立项必要性得分').fill('20.5');
    await expert.getByRole('button', { name: '提交评分' }).click();
    await expert.getByText('「立项必要性」满分 20 分，应在 0–20 之间').waitFor();
    const points: [string, string][] = [
      ['立项必要性', '17'],
      ['投入经济性', '17'],
      ['绩效目标合理性', '17'],
      ['实施方案可行性', '17'],
      ['筹资合规性', '16.5'],
    ];
    for (const [dimension, value] of points) {
      await expert.getByLabel(`${dimension}得分`).fill(value);
      await expert.getByLabel(`${dimension}评分理由`).fill(`${dimension}：依据申报材料评分`);
    }
    await recordTitled(expert, '事前绩效评估', 'pre-assessment-scoring');
    await expert.getByRole('button', { name: '提交评分' }).click();
    await expert.getByText('您已对全部维度评分').waitFor();
    await expert.getByText('84.5').first().waitFor();
    await recordTitled(expert, '事前绩效评估', 'pre-assessment-scored');

    // the section sees 84.5 against 85 and tries 予以支持: the platform refuses, in Chinese
    await section.goto(h.url(assessmentPath));
    await section.getByText('出具评估结论').waitFor();
    await section.getByText('低于通过分数线，结论只能为「不予支持」').waitFor();
    await section.getByRole('radio', { name: '予以支持', exact: true }).check();
    await section.getByLabel('评估报告').fill('项目必要性充分，建议支持。');
    await section.getByRole('button', { name: '出具结论' }).click();
    const refusal = '总分 84.5 分低于通过分数线 85 分，结论只能为「不予支持」';
    await section.locator('.ant-form-item-explain-error', { hasText: refusal }).waitFor();
    // and the platform's whole answer, bilingual, in the message at the top while the field shows it
    await section.locator('.ant-message', { hasText: `${refusal} (Invalid input:` }).waitFor();
    await recordTitled(section, '事前绩效评估', 'pre-assessment-support-refused');
    const still = await h.platform.gql<{ preAssessment: { status: string; conclusion: string | null } }>(
      `query($id: ID!) { preAssessment(id: $id) { status conclusion } }`,
      { id: assessmentPath.split('/')[1] },
      { role: 'PERFORMANCE_SECTION', userId: 'li.na' },
    );
    expect(still.data?.preAssessment).toEqual({ status: 'OPEN', conclusion: null });

    // 不予支持 is accepted
    await section.getByRole('radio', { name: '不予支持', exact: true }).check();
    await section.getByRole('button', { name: '出具结论' }).click();
    await section.getByText('已出具结论').first().waitFor();
    await recordTitled(section, '事前绩效评估', 'pre-assessment-concluded');
  }, 300_000);

  it('the budget section admits a project that meets the gate and allocates budget within what is left', async () => {
    const ready = await h.platform.gql<{
      projects: { nodes: { id: string; name: string; amountRequested: string }[] };
    }>(
      `query { projects(filter: { fiscalYear: 2023, libraryStatus: PROPOSED }, page: { first: 200 }) {
        nodes { id name amountRequested libraryBlockers { condition } } } }`,
      undefined,
      { role: 'BUDGET_SECTION', userId: 'wang.fang' },
    );
    const project = (
      ready.data!.projects.nodes as { id: string; name: string; amountRequested: string; libraryBlockers: unknown[] }[]
    ).find((p) => p.libraryBlockers.length === 0);
    expect(project).toBeDefined();

    const page = await h.newPage();
    await tokenSession(page, h, { role: 'BUDGET_SECTION', userId: 'wang.fang' }, 'projects?status=PROPOSED');
    await recordTitled(page, '项目库', 'projects-list');
    await page.getByRole('link', { name: project!.name }).first().click();
    await page.getByText('已满足入库条件，可由财政局纳入项目库').waitFor();
    await recordTitled(page, new RegExp(project!.name), 'projects-project-ready');
    await page.getByRole('button', { name: '纳入项目库' }).click();
    await page.getByRole('button', { name: '确认入库' }).click();
    await page.locator('.ant-card-extra .ant-tag', { hasText: '已入库' }).waitFor();
    await page.getByRole('button', { name: '安排预算' }).waitFor();

    // more than was requested is caught beside the field; the request itself is accepted
    const over = (BigInt(project!.amountRequested.replace('.', '')) + 1n).toString();
    await page.getByLabel('安排金额（元）').fill(`${over.slice(0, -2)}.${over.slice(-2)}`);
    await page.getByLabel('预算文号').fill('天财预〔2023〕88号');
    await page.getByRole('button', { name: '安排预算' }).click();
    await page.getByText(/安排金额超过尚未安排的申请金额/).waitFor();
    await page.getByLabel('安排金额（元）').fill(project!.amountRequested);
    await page.getByRole('button', { name: '安排预算' }).click();
    await page.locator('.ant-message', { hasText: '预算已安排' }).waitFor();
    await page.getByRole('cell', { name: '天财预〔2023〕88号' }).waitFor();
    await recordTitled(page, new RegExp(project!.name), 'projects-project-allocated');

    const after = await h.platform.gql<{ project: { libraryStatus: string; allocatedTotal: string } }>(
      `query($id: ID!) { project(id: $id) { libraryStatus allocatedTotal } }`,
      { id: project!.id },
      { role: 'BUDGET_SECTION', userId: 'wang.fang' },
    );
    expect(after.data?.project).toEqual({ libraryStatus: 'IN_LIBRARY', allocatedTotal: project!.amountRequested });
  }, 300_000);

  it('shows the indicator library with its filters and the exemplary samples with a link to copy one', async () => {
    // 天门市实验高级中学 owns one of the demo year's two samples
    const page = await h.newPage();
    await tokenSession(page, h, { role: 'BUDGET_UNIT', unitCode: '101003' }, 'indicators');
    await page.locator('.ant-table-row').first().waitFor();
    await recordTitled(page, '指标库', 'library-indicators');
    await page.getByLabel('按一级指标筛选').click();
    await page.locator('.ant-select-item-option', { hasText: '满意度指标' }).click();
    await page.waitForURL(/level1=SATISFACTION/);
    await page.locator('tbody tr.ant-table-row', { hasText: '满意度指标' }).first().waitFor();
    expect(await page.locator('tbody tr.ant-table-row', { hasText: /产出指标|效益指标|成本指标/ }).count()).toBe(0);

    await page.goto(h.url('samples'));
    const own = page.locator('tbody tr.ant-table-row', { hasText: '渔薪农村义务教育学生营养改善计划' });
    await own.getByText('指标设置完整、目标值量化清晰，评为精品样本').waitFor();
    await recordTitled(page, '精品样本', 'library-samples-unit');
    expect(await own.getByRole('link', { name: '复制为新目标' }).getAttribute('href')).toMatch(
      /\/console\/goals\/new\?sample=[0-9a-f-]{36}$/,
    );

    // the performance section sees every unit's samples; it drafts no goals, so no copy link
    const section = await h.newPage();
    await tokenSession(section, h, { role: 'PERFORMANCE_SECTION', userId: 'li.na' }, 'samples');
    await section.getByRole('link', { name: '彭市国省道大中修' }).waitFor();
    await section.getByRole('link', { name: '渔薪农村义务教育学生营养改善计划' }).waitFor();
    expect(await section.getByRole('link', { name: '复制为新目标' }).count()).toBe(0);
    await recordTitled(section, '精品样本', 'library-samples');
  }, 300_000);
});
