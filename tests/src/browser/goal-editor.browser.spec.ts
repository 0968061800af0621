import { expect } from '@jest/globals';
import { tokenSession, useConsoleHarness } from './harness';
import { addLibraryIndicator, pick, record, tableRow } from './console-pages';

/**
 * 绩效目标 — the unit's side in the browser (issue 14 item 3): a budget unit drafts a goal for one of
 * its projects from library indicators and one of its own, sees the platform's rules as it types and
 * what still stops the submission, and submits; on a returned goal it reads the reviewers' comments
 * beside the indicators, revises one and resubmits, while a reviewer's open page follows the change live.
 */
describe('the goal editor and the goal page', () => {
  const h = useConsoleHarness();
  const UNIT = '101002'; // 天门中学 of the demo year: a second-level unit, so its department reviews first

  it('a unit drafts a goal from library indicators, sees what is missing, and submits it', async () => {
    const unitId = (
      (await fetch(h.url('dev/identities')).then((r) => r.json())) as { units: { id: string; code: string }[] }
    ).units.find((u) => u.code === UNIT)!.id;
    const proposed = await h.platform.gql(
      `mutation($input: ProposeProjectInput!) { proposeProject(input: $input) { id } }`,
      {
        input: {
          unitId,
          code: '101002-2023-0951',
          name: '天门中学教师能力提升培训',
          category: 'RECURRING',
          isNew: false,
          isMajor: false,
          amountRequested: '600000.00',
          fiscalYear: 2023,
        },
      },
      { role: 'BUDGET_UNIT', unitId, userId: `${UNIT}.staff` },
    );
    expect(proposed.errors).toBeUndefined();

    const page = await h.newPage();
    await tokenSession(page, h, { role: 'BUDGET_UNIT', unitCode: UNIT }, 'goals');
    await page.getByRole('button', { name: '新建绩效目标' }).click();
    await page.getByRole('heading', { level: 2, name: /新建绩效目标/ }).waitFor();
    await pick(page, page, '项目', '天门中学教师能力提升培训');
    // the amount comes from the project; a third decimal is refused as typed, by the platform's money rule
    expect(await page.getByLabel('资金金额（元）').inputValue()).toBe('600000.00');
    await page.getByLabel('资金金额（元）').fill('600000.005');
    await page.getByText('金额「600000.005」格式不对').waitFor();
    await page.getByLabel('资金金额（元）').fill('600000.00');
    await page
      .getByLabel('总体目标')
      .fill('全年培训教师 600 人次以上，提升课堂教学质量，义务教育巩固率保持在 97% 以上。');
    await record(page, 'goal-editor-new-draft');
    await page.getByRole('button', { name: '建立草稿' }).click();
    await page.waitForURL(/\/console\/goals\/[0-9a-f-]{36}$/);

    // an empty draft: the submission check lists what the server would refuse
    await page.getByRole('heading', { level: 2, name: '天门中学教师能力提升培训' }).waitFor();
    await page.getByText('提交检查：尚不能提交').waitFor();
    await page.getByText('至少需要 3 个绩效指标，当前只有 0 个，请补充指标').waitFor();
    await page.getByText('缺少产出指标').waitFor();
    await page.getByText('缺少效益指标').waitFor();

    await addLibraryIndicator(page, '培训教师人次', '600', '30', '教育');
    await page.getByText('至少需要 3 个绩效指标，当前只有 1 个，请补充指标').waitFor();
    expect(await page.getByText('缺少产出指标').count()).toBe(0);

    // a percentage above 100 is refused under the field as it is typed
    await page.getByRole('button', { name: '从指标库添加' }).click();
    const dialog = page.getByRole('dialog', { name: '从指标库添加指标' });
    await dialog.getByLabel('按指标名称或解释搜索').fill('义务教育巩固率');
    await dialog.getByLabel('按指标名称或解释搜索').press('Enter');
    await dialog.locator('tr.ant-table-row', { hasText: '义务教育巩固率' }).first().click();
    await dialog.getByLabel('目标值', { exact: true }).fill('120');
    await dialog.getByText('计量单位为「%」的目标值应在 0–100 之间，120 超出范围').waitFor();
    await record(page, 'goal-editor-library-picker');
    await dialog.getByLabel('目标值', { exact: true }).fill('97');
    await dialog.getByText('计量单位为「%」的目标值应在 0–100 之间，120 超出范围').waitFor({ state: 'hidden' });
    await dialog.getByLabel('分值', { exact: true }).fill('30');
    await dialog.getByRole('button', { name: '添加所选指标' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await tableRow(page, '义务教育巩固率').waitFor();

    // one indicator of the unit's own: points 0 are refused, then 20
    await page.getByRole('button', { name: '添加自定义指标' }).click();
    const own = page.getByRole('dialog', { name: '添加自定义指标' });
    await pick(page, own, '二级指标', '时效指标');
    await own.getByLabel('指标名称（三级指标）').fill('培训按期完成率');
    await own.getByLabel('目标值', { exact: true }).fill('100');
    await own.getByLabel('计量单位').fill('%');
    await own.getByLabel('分值', { exact: true }).fill('0');
    await own.getByText('分值 0 无效，应大于 0 且不超过 100').waitFor();
    await own.getByLabel('分值', { exact: true }).fill('20');
    // the refusal goes once the value is valid: only then is the form's state the one submitted
    await own.getByText('分值 0 无效，应大于 0 且不超过 100').waitFor({ state: 'hidden' });
    await own.getByRole('button', { name: '添加指标' }).click();
    await own.waitFor({ state: 'hidden' });
    await tableRow(page, '培训按期完成率').waitFor();

    await page.getByText('提交检查：已满足提交条件').waitFor();
    expect(await tableRow(page, '培训教师人次').getByText('指标库').count()).toBe(1);
    await record(page, 'goal-editor-ready');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('已提交，待主管部门审核').first().waitFor();
    // the editor closes once the platform has the submission
    await page.getByRole('button', { name: '提交审核' }).waitFor({ state: 'detached' });
    await record(page, 'goal-page-submitted');
  }, 300_000);

  it('a returned goal shows the comments beside its indicators; the unit revises and resubmits, live for the reviewer', async () => {
    type Returned = {
      id: string;
      projectName: string;
      unit: { code: string };
      indicators: { id: string; name: string; targetValue: number | null; operator: string }[];
      opinions: { indicatorComments: { indicatorId: string; comment: string }[] }[];
      reviews: { indicatorComments: { indicatorId: string; comment: string }[] }[];
    };
    const found = await h.platform.gql<{ goals: { nodes: Returned[] } }>(
      `query { goals(filter: { fiscalYear: 2023, status: RETURNED }, page: { first: 200 }) { nodes {
        id projectName unit { code } indicators { id name targetValue operator }
        opinions { indicatorComments { indicatorId comment } } reviews { indicatorComments { indicatorId comment } } } } }`,
      undefined,
      { role: 'PERFORMANCE_SECTION', userId: 'li.na' },
    );
    const goal = found.data!.goals.nodes.find((g) =>
      [...g.opinions, ...g.reviews].some((o) =>
        o.indicatorComments.some((c) =>
          g.indicators.some((i) => i.id === c.indicatorId && i.operator !== 'QUALITATIVE'),
        ),
      ),
    );
    expect(goal).toBeDefined();
    const remark = [...goal!.opinions, ...goal!.reviews]
      .flatMap((o) => o.indicatorComments)
      .find((c) => goal!.indicators.some((i) => i.id === c.indicatorId && i.operator !== 'QUALITATIVE'))!;
    const indicator = goal!.indicators.find((i) => i.id === remark.indicatorId)!;

    // a reviewer has the goal open while the unit works on it
    const reviewer = await h.newPage();
    await tokenSession(reviewer, h, { role: 'PERFORMANCE_SECTION', userId: 'li.na' }, `goals/${goal!.id}`);
    await reviewer.getByRole('heading', { level: 2, name: goal!.projectName }).waitFor();
    await reviewer.locator('.ant-tag', { hasText: '已退回修改' }).first().waitFor();
    expect(await reviewer.getByRole('button', { name: '重新提交审核' }).count()).toBe(0);

    const page = await h.newPage();
    await tokenSession(page, h, { role: 'BUDGET_UNIT', unitCode: goal!.unit.code }, `goals/${goal!.id}`);
    await page.getByRole('heading', { level: 2, name: goal!.projectName }).waitFor();
    await page.getByText(/第 \d+ 轮审核退回修改/).waitFor();
    // the comment sits in the indicator's own row
    await tableRow(page, indicator.name).getByText(remark.comment).waitFor();
    await record(page, 'goal-page-returned');

    await tableRow(page, indicator.name).getByRole('button', { name: '修改' }).click();
    const dialog = page.getByRole('dialog', { name: `修改指标「${indicator.name}」` });
    const revised = String((indicator.targetValue ?? 0) + 1);
    await dialog.getByLabel('目标值', { exact: true }).fill(revised);
    await dialog.getByRole('button', { name: '保存修改' }).click();
    await dialog.getByText('请填写修改原因').waitFor();
    await dialog.getByLabel('修改理由').fill('按联审意见细化目标值');
    await dialog.getByRole('button', { name: '保存修改' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await tableRow(page, indicator.name).getByText('已修改 1 次').waitFor();
    await tableRow(page, indicator.name)
      .getByText(new RegExp(` ${revised}`))
      .waitFor();
    await record(page, 'goal-editor-revised');

    await page.getByRole('button', { name: '重新提交审核' }).click();
    await page
      .locator('.ant-tag', { hasText: /待主管部门审核|财政联审中/ })
      .first()
      .waitFor();
    // the reviewer's page follows without a reload
    await reviewer
      .locator('.ant-tag', { hasText: /待主管部门审核|财政联审中/ })
      .first()
      .waitFor({ timeout: 15_000 });
    await tableRow(reviewer, indicator.name).getByText('已修改 1 次').waitFor();
    await record(reviewer, 'goal-page-live-reviewer');
  }, 300_000);
});
