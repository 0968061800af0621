import type { Locator, Page } from 'playwright-core';
import { as } from '../support/platform';
import { checkAccessibility, screenshot, signInAs, tokenSession, useConsoleHarness } from './harness';

/** How many pixels of a chart's canvas are drawn (not transparent): an empty ECharts canvas has none. */
const drawnPixels = (chart: Locator) =>
  chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0 || canvas.height === 0) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn++;
    return drawn;
  });

/** Waits until the chart labelled `name` has drawn something (ECharts animates its first frame in). */
async function chartDrawn(page: Page, name: string): Promise<number> {
  const chart = page.getByRole('img', { name });
  await chart.locator('canvas').waitFor();
  let drawn = 0;
  for (let attempt = 0; attempt < 40 && drawn < 2000; attempt++) {
    drawn = await drawnPixels(chart);
    if (drawn < 2000) await page.waitForTimeout(100);
  }
  return drawn;
}

describe('dashboards, the audit timeline and the public goals in the browser', () => {
  const h = useConsoleHarness();

  it('shows an auditor a goal’s history as a timeline with the hash chain verified', async () => {
    // a goal that was returned and resubmitted: its history has decisions, revisions and a second round
    const answer = await h.platform.gql(
      '{ goals(filter: { status: ADJUSTED }, page: { first: 20 }) { nodes { id projectCode projectName reviewRounds } } }',
      {},
      as('AUDITOR'),
    );
    const goals = answer.data!.goals.nodes as {
      id: string;
      projectCode: string;
      projectName: string;
      reviewRounds: number;
    }[];
    const goal = goals.find((g) => g.reviewRounds > 1) ?? goals[0]!;
    const page = await h.newPage();
    await signInAs(page, h, { role: 'AUDITOR' });

    // found by its project code, as an auditor would look for it
    await page.getByRole('menuitem', { name: '记录溯源' }).click();
    await page.getByLabel('按项目名称或编码查找绩效目标').fill(goal.projectCode);
    await page.getByRole('button', { name: /查找目标/ }).click();
    const row = page.locator('.ant-table-row', { hasText: goal.projectName });
    await row.waitFor();
    await row.getByRole('link', { name: '查看历史' }).click();
    await page.waitForURL(new RegExp(`/console/audit/goal-${goal.id}$`));

    const badge = page.getByTestId('chain-badge');
    await badge.waitFor();
    expect(await badge.getAttribute('data-ok')).toBe('true');
    expect(await badge.innerText()).toMatch(/^哈希链校验通过 · \d+ 条记录$/);
    const count = Number(/(\d+) 条记录/.exec(await badge.innerText())![1]);
    const entries = page.getByTestId('history-entry');
    await expect(entries.count()).resolves.toBe(count);
    // who, in which role (Chinese), what it moved the goal to, and the chain: previous → this
    const first = await entries.first().innerText();
    expect(first).toContain('绩效目标已提交');
    expect(first).toMatch(/（(预算单位|主管部门)）/);
    expect(first).toContain('起始（无前一条）');
    const texts = await entries.allInnerTexts();
    expect(texts.some((text) => /已退回修改|已批准/.test(text) && text.includes('→'))).toBe(true);
    expect(texts.some((text) => text.includes('已随预算调整而调整'))).toBe(true);
    await expect(page.getByRole('heading', { level: 3 }).first().innerText()).resolves.toContain(goal.projectName);
    await screenshot(page, 'audit/goal-history');
    await checkAccessibility(page, 'audit/goal-history');

    // the goal page links to the same history
    await page.goto(h.url(`goals/${goal.id}`));
    await page.getByRole('link', { name: '查看事件历史' }).click();
    await page.waitForURL(new RegExp(`/console/audit/goal-${goal.id}$`));
    await page.getByTestId('chain-badge').waitFor();
  });

  it('draws the dashboards’ charts for the performance section', async () => {
    const page = await h.newPage();
    await tokenSession(page, h, { role: 'PERFORMANCE_SECTION', userId: 'li.na' }, 'dashboards');
    await page.getByRole('heading', { level: 2, name: /统计分析/ }).waitFor();
    for (const chart of [
      '各单位有已批准绩效目标的项目占比',
      '各状态的绩效目标数',
      '已审核、通过与退回的目标数',
      '按退回人和意见针对的指标类别统计的退回',
    ])
      expect(await chartDrawn(page, chart)).toBeGreaterThan(2000);
    // the returns' title carries the platform's own counts
    const reasons = await h.platform.gql(
      '{ returnReasons(fiscalYear: 2023) { returnDecisions returnOpinions } }',
      undefined,
      as('PERFORMANCE_SECTION'),
    );
    const { returnDecisions, returnOpinions } = reasons.data!.returnReasons as Record<string, number>;
    await page.getByText(`退回原因（退回决定 ${returnDecisions} 次，退回意见 ${returnOpinions} 条）`).waitFor();
    // the coverage table beside the chart: one row per unit with projects, as the platform counts them
    const coverage = await h.platform.gql(
      'query($y: Int!) { goalCoverage(fiscalYear: $y) { projects unit { name } } }',
      { y: 2023 },
      as('PERFORMANCE_SECTION'),
    );
    const withProjects = (coverage.data!.goalCoverage as { projects: number }[]).length;
    await expect(page.locator('.ant-table-row').count()).resolves.toBe(withProjects);
    await screenshot(page, 'planning/dashboards');
    await checkAccessibility(page, 'planning/dashboards');
  });

  it('draws the year’s evaluation figures per sector (评价统计, 分行业统计) as the platform groups them', async () => {
    const page = await h.newPage();
    await tokenSession(page, h, { role: 'PERFORMANCE_SECTION', userId: 'li.na' }, 'evaluation-figures');
    await page.getByRole('heading', { level: 2, name: /年度评价统计/ }).waitFor();
    expect(await chartDrawn(page, '各行业自评等级分布与平均分')).toBeGreaterThan(2000);
    // the table beside the chart: one row per sector of the platform's figures, in its order
    const figures = await h.platform.gql(
      '{ evaluationFigures(fiscalYear: 2023) { bySector { sectorLabel unitCount selfEvaluation { count } } } }',
      undefined,
      as('PERFORMANCE_SECTION'),
    );
    const bySector = figures.data!.evaluationFigures.bySector as {
      sectorLabel: string;
      unitCount: number;
      selfEvaluation: { count: number };
    }[];
    expect(bySector.length).toBeGreaterThan(1);
    const rows = page.locator('.ant-card', { hasText: '分行业统计' }).locator('.ant-table-row');
    await expect(rows.count()).resolves.toBe(bySector.length);
    const texts = await rows.allInnerTexts();
    bySector.forEach((sector, i) => {
      expect(texts[i]).toContain(sector.sectorLabel);
      expect(texts[i]).toContain(`${sector.selfEvaluation.count} 项`);
    });
    await screenshot(page, 'evaluation/figures-by-sector');
    await checkAccessibility(page, 'evaluation/figures-by-sector');
  });

  it('gives the home page its to-dos with counts and a chart of the year', async () => {
    const page = await h.newPage();
    await tokenSession(page, h, { role: 'PERFORMANCE_SECTION', userId: 'li.na' });
    await page.getByText('本年度概况').waitFor();
    const queue = await h.platform.gql(
      '{ reviewQueue(page: { first: 1 }) { totalCount } }',
      {},
      as('PERFORMANCE_SECTION'),
    );
    const todo = page.getByTestId('todo-queue');
    await todo.getByText('待我审核的绩效目标').waitFor();
    await expect(todo.locator('.ant-badge').getAttribute('aria-label')).resolves.toBe(
      `${queue.data!.reviewQueue.totalCount as number} 项`,
    );
    expect(await chartDrawn(page, '本年度绩效目标的状态分布')).toBeGreaterThan(2000);
    await screenshot(page, 'home/performance-section');
    await checkAccessibility(page, 'home/performance-section');
  });

  it('opens the published goals without signing in, from the sign-in page', async () => {
    const page = await h.newPage();
    await page.goto(h.url());
    await page.getByRole('link', { name: '绩效目标公开' }).click();
    await page.waitForURL(/\/console\/public\/goals/);
    await page.getByRole('heading', { level: 2, name: '预算绩效目标公开' }).waitFor();
    const goal = page.getByTestId('published-goal').first();
    await goal.waitFor();
    // the first unit's goals, with their indicators in the three levels
    await expect(goal.locator('.ant-table-row').count()).resolves.toBeGreaterThan(0);
    await expect(goal.innerText()).resolves.toMatch(/产出指标/);
    expect(await page.evaluate(() => sessionStorage.getItem('jixiao.session'))).toBeNull();
    await screenshot(page, 'public/goals');
    await checkAccessibility(page, 'public/goals');

    // another unit's goals, by picking it in the list
    const units = page.getByRole('navigation', { name: '已公开的预算单位' }).locator('.ant-list-item');
    await expect(units.count()).resolves.toBeGreaterThan(1);
    const second = units.nth(1);
    const name = (await second.locator('.ant-list-item-meta-title').innerText()).trim();
    await second.click();
    await page.getByText(new RegExp(`^${name} · \\d{4} 年度$`)).waitFor();
  });
});
