import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { tokenSession, useConsoleHarness } from './harness';
import { pick, record, tableRow } from './console-pages';

interface Target {
  id: string;
  name: string;
  targetValue: number | null;
}

/**
 * 监控填报 in the browser (issue 15, item 3): the bureau has opened a January–July round; a budget unit
 * fills the report of one of its issued goals — budget executed, per indicator the value so far, the
 * forecast and the likelihood — and sees the warning the platform computes (execution behind the
 * elapsed 7/12 of the year) before it sends; the performance section then finds it among the warnings.
 */
/** Picks an option of the Select labelled `field` in the list that Select controls (another may still be fading out). */
async function choose(page: Page, field: string, option: string): Promise<void> {
  const input = page.getByLabel(field, { exact: true });
  await input.click();
  const list = await input.getAttribute('aria-controls');
  const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) });
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
}

describe('a unit’s monitoring report with the warnings it would raise shown as it types', () => {
  const h = useConsoleHarness();
  const auditor = { role: 'AUDITOR' as const, userId: 'zhou.shen' };

  it('files a report, seeing the computed warning before sending', async () => {
    const goals = await h.platform.gql<{
      goals: { nodes: { id: string; projectName: string; unit: { code: string }; indicators: Target[] }[] };
    }>(
      `{ goals(filter: { fiscalYear: 2023, status: ISSUED }, page: { first: 50 }) {
          nodes { id projectName unit { code } indicators { id name targetValue } } } }`,
      {},
      auditor,
    );
    expect(goals.errors).toBeUndefined();
    const { units } = (await fetch(h.url('dev/identities')).then((r) => r.json())) as { units: { code: string }[] };
    const offered = new Set(units.map((u) => u.code));
    const goal = goals.data!.goals.nodes.find((g) => offered.has(g.unit.code) && g.indicators.length > 0)!;
    expect(goal).toBeDefined();

    const opened = await h.platform.gql<{ openMonitoringRound: { id: string } }>(
      `mutation($input: OpenMonitoringRoundInput!) { openMonitoringRound(input: $input) { id } }`,
      {
        input: {
          divisionCode: '429006',
          fiscalYear: 2023,
          name: '2023年1—7月绩效监控（界面测试）',
          throughMonth: 7,
          dueDate: '2027-06-30',
        },
      },
      { role: 'PERFORMANCE_SECTION', userId: 'li.na' },
    );
    expect(opened.errors).toBeUndefined();

    const unit = await h.newPage();
    await tokenSession(unit, h, { role: 'BUDGET_UNIT', unitCode: goal.unit.code }, 'monitoring-report');
    await pick(unit, unit, '监控轮次', '界面测试');
    await pick(unit, unit, '绩效目标', goal.projectName);
    await unit.getByLabel('截至目前预算执行金额（元）').fill('1.00');
    for (const indicator of goal.indicators) {
      if (indicator.targetValue !== null) {
        // on course for its target: no warning of the indicator's own
        await unit.getByLabel(`${indicator.name}截至目前完成值`).fill(String(indicator.targetValue / 2));
        await unit.getByLabel(`${indicator.name}预计全年完成值`).fill(String(indicator.targetValue));
      }
      await choose(unit, `${indicator.name}完成可能性`, '能够完成');
    }
    const preview = unit.getByRole('status').filter({ hasText: '预算执行进度滞后' });
    await preview.waitFor();
    expect(await preview.textContent()).toContain('7/12');
    await record(unit, 'execution-monitoring-report-preview');

    // an indicator judged impossible raises a serious warning of its own as the person picks it, with its cause
    const first = goal.indicators[0]!;
    await choose(unit, `${first.name}完成可能性`, '无法完成');
    await unit.getByLabel(`${first.name}偏差原因`).fill('资金到位滞后');
    await unit.getByRole('status').filter({ hasText: '预计无法完成' }).waitFor();

    await unit.getByRole('button', { name: '提交填报' }).click();
    await unit.getByText(/已填报：执行率 .*预警 2 条/).waitFor();

    const section = await h.newPage();
    await tokenSession(section, h, { role: 'PERFORMANCE_SECTION', userId: 'li.na' }, 'monitoring');
    await section.getByRole('button', { name: '查看进度：2023年1—7月绩效监控（界面测试）' }).click();
    await section.getByText('2023年1—7月绩效监控（界面测试）：各单位填报情况').waitFor();
    await section.mouse.move(0, 0); // the link's hover colour is not what the page shows at rest
    await record(section, 'execution-monitoring-progress');
    await section.goto(h.url('monitoring-warnings?kind=EXECUTION_BEHIND'));
    await tableRow(section, goal.projectName).first().waitFor();
    await record(section, 'execution-monitoring-warnings');

    // the auditor reads the same pages with no button that writes
    const reader = await h.newPage();
    await tokenSession(reader, h, auditor, 'monitoring-warnings?kind=EXECUTION_BEHIND');
    await tableRow(reader, goal.projectName).first().waitFor();
    expect(await reader.getByRole('button', { name: /决定纠偏/ }).count()).toBe(0);
    await reader.goto(h.url('monitoring'));
    await reader
      .getByRole('button', { name: /查看进度/ })
      .first()
      .waitFor();
    expect(await reader.getByRole('button', { name: '启动监控' }).count()).toBe(0);
    const menu = await reader.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem').allInnerTexts();
    expect(menu).toEqual(expect.arrayContaining(['监控进度', '监控预警', '拨款审核']));
    expect(menu).not.toContain('监控填报');
  }, 300_000);
});
