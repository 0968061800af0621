import type { Locator, Page } from 'playwright-core';
import { checkAccessibility } from './accessibility';
import { screenshot } from './screenshots';

/** What the console's pages have in common, as a person finds it on screen (labels, roles, names). */

/** antd writes a space between the two characters of a two-character button (审 核): match both. */
export const buttonName = (text: string): RegExp => new RegExp(`^${[...text].join('\\s?')}$`);

/** Opens the antd Select labelled `field` within `scope` and picks the first option containing `option`. */
export async function pick(page: Page, scope: Page | Locator, field: string, option: string): Promise<void> {
  await scope.getByLabel(field, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** The table row holding `text` (an indicator's name, a project's name …). */
export const tableRow = (scope: Page | Locator, text: string): Locator =>
  scope.locator('tr.ant-table-row', { hasText: text });

/** The first state tag reading `text` (已退回修改, 已批准 …). */
export const stateTag = (page: Page, text: string | RegExp): Locator =>
  page.locator('.ant-tag', { hasText: text }).first();

/** On the goal page: adds the library indicator found by `text` (in `sector`, if given), with its target and points. */
export async function addLibraryIndicator(
  page: Page,
  text: string,
  target: string,
  points: string,
  sector?: string,
): Promise<void> {
  await page.getByRole('button', { name: '从指标库添加' }).click();
  const dialog = page.getByRole('dialog', { name: '从指标库添加指标' });
  if (sector) {
    await dialog.getByLabel('按行业或领域筛选').fill(sector);
    await dialog.getByLabel('按行业或领域筛选').press('Enter');
  }
  await dialog.getByLabel('按指标名称或解释搜索').fill(text);
  await dialog.getByLabel('按指标名称或解释搜索').press('Enter');
  await tableRow(dialog, text).first().click();
  await dialog.getByText(`已选：${text}`).waitFor();
  await dialog.getByLabel('目标值', { exact: true }).fill(target);
  await dialog.getByLabel('分值', { exact: true }).fill(points);
  await dialog.getByRole('button', { name: '添加所选指标' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await tableRow(page, text).waitFor();
}

/** On the review queue: opens the goal's drawer, then the form behind `action`; returns the form's dialog. */
export async function openFromQueue(page: Page, projectName: string, action: string, dialogTitle: string) {
  await tableRow(page, projectName).waitFor();
  await page.getByRole('button', { name: `办理：${projectName}` }).click();
  const drawer = page.getByRole('dialog', { name: `审核：${projectName}` });
  await drawer.getByRole('button', { name: buttonName(action) }).click();
  const dialog = page.getByRole('dialog', { name: `${dialogTitle}：${projectName}` });
  await dialog.waitFor();
  return dialog;
}

/** Sends the form in `dialog` (its 提交 button). */
export const submitDialog = (dialog: Locator): Promise<void> =>
  dialog.getByRole('button', { name: buttonName('提交') }).click();

/**
 * Once the page has stopped loading, saves what is on screen and checks it with axe-core: a serious
 * or critical violation fails the test.
 */
export async function record(page: Page, name: string): Promise<void> {
  // a table still loading, or a button still sending (drawn faded), is not what the person reads
  for (const busy of ['.ant-spin-spinning', '.ant-btn-loading'])
    await page
      .locator(busy)
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
  await screenshot(page, name);
  await checkAccessibility(page, name);
}
