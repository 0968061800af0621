import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { as } from '../support/platform';
import { checkAccessibility, screenshot, signInAs, tokenSession, useConsoleHarness } from './harness';

/** Buttons whose text says they write: none of them may show for a role that only reads. */
const WRITES = /新建|新增|提交|保存|删除|退回|通过|审核|录入|登记|分配|下达|发布|调整|打分|评分/;

const menuOf = (page: Page) => page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem').allInnerTexts();
const buttonsOf = async (page: Page) =>
  (await page.getByRole('main').getByRole('button').allInnerTexts()).map((text) => text.trim());

describe('the console’s frame in the browser: signing in, roles, errors, language', () => {
  const h = useConsoleHarness();
  let units: { id: string; code: string; name: string }[];
  beforeAll(async () => {
    const answer = await h.platform.gql(
      '{ budgetUnits(page: { first: 50 }) { nodes { id code name } } }',
      {},
      as('AUDITOR'),
    );
    units = answer.data!.budgetUnits.nodes;
  });
  /** A second-level unit with goals of the demo year, and another unit. */
  const unitWithGoals = async () => {
    const answer = await h.platform.gql(
      '{ goals(page: { first: 1 }) { nodes { id unit { id code name } } } }',
      {},
      as('AUDITOR'),
    );
    const goal = answer.data!.goals.nodes[0] as { id: string; unit: { id: string; code: string; name: string } };
    return { unit: goal.unit, goalId: goal.id, other: units.find((u) => u.id !== goal.unit.id)! };
  };

  it('signs a budget unit in through the demo sign-in page; its menu and goals are its own unit’s', async () => {
    const { unit } = await unitWithGoals();
    const page = await h.newPage();
    await page.goto(h.url());
    await page.getByLabel('角色', { exact: true }).waitFor();
    await screenshot(page, 'shell/sign-in');
    await checkAccessibility(page, 'shell/sign-in');

    await signInAs(page, h, { role: 'BUDGET_UNIT', unitCode: unit.code });
    await expect(page.getByRole('heading', { level: 2 }).first().innerText()).resolves.toContain('工作台 · 预算单位');
    await expect(page.getByTestId('current-user').innerText()).resolves.toContain(`${unit.code}.staff`);
    await page.getByText('待提交的绩效目标草稿').waitFor();
    const menu = await menuOf(page);
    expect(menu).toEqual(expect.arrayContaining(['工作台', '绩效目标']));
    expect(menu).not.toContain('记录溯源'); // the audit trail is the auditor's and the performance section's
    await screenshot(page, 'shell/home-budget-unit');
    await checkAccessibility(page, 'shell/home-budget-unit');

    await page.getByRole('menuitem', { name: '绩效目标', exact: true }).click();
    await page.locator('.ant-table-row').first().waitFor();
    const shownUnits = await page.locator('.ant-table-row td:nth-child(3)').allInnerTexts();
    expect(new Set(shownUnits)).toEqual(new Set([unit.name]));
  });

  it('shows an auditor the audit trail and no button that writes, on home, units and goals', async () => {
    const page = await h.newPage();
    await signInAs(page, h, { role: 'AUDITOR' });
    await page.getByText('本年度概况').waitFor();
    expect(await menuOf(page)).toEqual(expect.arrayContaining(['工作台', '单位列表', '绩效目标', '记录溯源']));
    await screenshot(page, 'shell/home-auditor');
    await checkAccessibility(page, 'shell/home-auditor');
    expect((await buttonsOf(page)).filter((text) => WRITES.test(text))).toEqual([]);

    await page.getByRole('menuitem', { name: '单位列表', exact: true }).click();
    await page.getByText(units[0]!.name).first().waitFor();
    await screenshot(page, 'shell/units');
    await checkAccessibility(page, 'shell/units');
    expect((await buttonsOf(page)).filter((text) => WRITES.test(text))).toEqual([]);

    await page.getByRole('menuitem', { name: '绩效目标', exact: true }).click();
    await page.locator('.ant-table-row').first().waitFor();
    expect((await buttonsOf(page)).filter((text) => WRITES.test(text))).toEqual([]);
    await page.locator('.ant-table-row a').first().click();
    await page.waitForURL(/\/console\/goals\/[^/]+$/);
    await page.getByRole('main').getByText(/./).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect((await buttonsOf(page)).filter((text) => WRITES.test(text))).toEqual([]);
  });

  it('signs out with a Chinese message and the sign-in form', async () => {
    const page = await h.newPage();
    await tokenSession(page, h, { role: 'PERFORMANCE_SECTION', userId: 'li.na' });
    await page.getByTestId('current-user').waitFor();
    await page.getByRole('banner').getByRole('button', { name: /退出/ }).click();
    await page.getByText('您已退出登录。').waitFor();
    await page.getByRole('button', { name: /登录/ }).waitFor();
    await screenshot(page, 'shell/signed-out');
    await page.reload();
    await page.getByLabel('角色', { exact: true }).waitFor();
    await expect(page.getByTestId('current-user').count()).resolves.toBe(0);
  });

  it('ends the session at its expiry with 登录已过期', async () => {
    const page = await h.newPage();
    await page.clock.install();
    await tokenSession(page, h, { role: 'AUDITOR', expiresIn: '8h' });
    await page.getByTestId('current-user').waitFor();
    await page.clock.fastForward('08:00:01');
    await page.getByText('登录已过期，请重新登录。').waitFor();
    await page.getByLabel('角色', { exact: true }).waitFor();
    await screenshot(page, 'shell/session-expired');
  });

  it('shows 登录已过期 when the platform refuses an expired token', async () => {
    const page = await h.newPage();
    h.allowConsoleErrors(page, /status of 401/);
    // the token lives 2 s, the console's copy of the session says an hour: the platform has the last word
    await tokenSession(page, h, { role: 'AUDITOR', expiresIn: 2, sessionExpiresAt: Date.now() + 3_600_000 });
    await page.waitForTimeout(2_500);
    // the next request is refused; a reload would lose the reason, so the page's own menu asks (unless
    // the live connection was refused first and the sign-in page is already there)
    const units = page.getByRole('menuitem', { name: '单位列表', exact: true });
    if (await units.isVisible()) await units.click({ timeout: 5_000 }).catch(() => undefined);
    await page.getByText('登录已过期，请重新登录。').waitFor();
    await expect(page.getByTestId('current-user').count()).resolves.toBe(0);
  });

  it('answers FORBIDDEN and NOT_FOUND with clear Chinese messages, never a blank page', async () => {
    const { unit, other, goalId } = await unitWithGoals();
    const page = await h.newPage();
    await tokenSession(page, h, { role: 'BUDGET_UNIT', unitCode: unit.code }, `units/${other.id}`);
    // out of the unit's scope looks the same as absent
    await page.getByText('未找到：该记录不存在，或不在您的权限范围内').waitFor();
    await expect(page.getByRole('button', { name: '返回工作台' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'shell/another-units-page');

    await page.goto(h.url(`audit/goal-${goalId}`));
    await page.getByText('无权访问：您的角色或所属单位不能查看此内容').waitFor();
    await screenshot(page, 'shell/forbidden');

    await page.goto(h.url(`goals/${randomUUID()}`));
    await page.getByText('未找到：该记录不存在，或不在您的权限范围内').waitFor();
    await screenshot(page, 'shell/not-found');
    await checkAccessibility(page, 'shell/not-found');
  });

  it('switches antd’s own texts to English and back', async () => {
    const page = await h.newPage();
    await tokenSession(page, h, { role: 'AUDITOR' }, 'goals');
    await page.locator('.ant-table-row').first().waitFor();
    await page.locator('.ant-pagination-prev[title="上一页"]').waitFor();
    await page.getByRole('button', { name: /switch language/ }).click();
    await page.locator('.ant-pagination-prev[title="Previous Page"]').waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-US');
    await screenshot(page, 'shell/goals-english');
    await page.getByRole('button', { name: /switch language/ }).click();
    await page.locator('.ant-pagination-prev[title="上一页"]').waitFor();
  });
});
