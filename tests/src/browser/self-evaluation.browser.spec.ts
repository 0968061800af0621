import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { tokenSession, useConsoleHarness } from './harness';
import { record, stateTag, tableRow } from './console-pages';

interface GoalIndicator {
  id: string;
  name: string;
  operator: string;
  targetValue: number | null;
}

interface Task {
  id: string;
  unitId: string;
  name: string;
  object: string;
  goalId: string | null;
  departmentReview: boolean;
}

/** An actual value that meets the indicator's target in full (≥, ≤, = at the target; > and < just past it). */
const fullValue = (indicator: GoalIndicator): number => {
  const target = indicator.targetValue!;
  if (indicator.operator === 'GT') return target + 1;
  if (indicator.operator === 'LT') return target - 1;
  return target;
};

/** Fills each line of the goal at full points; a qualitative one as 达成 at 100 % with its reason. */
async function fillAtFullPoints(page: Page, indicators: GoalIndicator[]): Promise<void> {
  for (const indicator of indicators) {
    if (indicator.operator === 'QUALITATIVE') {
      await page.getByLabel(`${indicator.name}完成等级`, { exact: true }).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '达成' }).first().click();
      await page.getByLabel(`${indicator.name}得分比例`).fill('100');
      await page.getByLabel(`${indicator.name}评定理由`).fill('按计划全部完成，有验收资料');
    } else {
      await page.getByLabel(`${indicator.name}实际完成值`).fill(String(fullValue(indicator)));
    }
  }
}

/**
 * 单位自评 in the browser (issue 16, item 5): the bureau has issued the year's notice; a budget unit
 * opens its task list, fills a project's self-evaluation at full points and sees the score the
 * platform computes (100, 优) with each line's formula; then reports one indicator at half its target,
 * sees the line's formula with its numbers and, beside the line and listed under the score, the
 * deviation cause and measure submission would still refuse it for; gives them, and submits. Its department returns it with
 * a comment (refused first without one); the unit reads the comment and submits the corrected sheet.
 */
describe('a unit’s self-evaluation, scored as it types, returned by its department and resubmitted', () => {
  const h = useConsoleHarness();
  const section = { role: 'PERFORMANCE_SECTION' as const, userId: 'li.na' };

  it('fills, sees the score and a formula, is refused inline without a cause, submits; returned with a comment, resubmits', async () => {
    const existing = await h.platform.gql<{ evaluationNotice: { taskCount: number } | null }>(
      `{ evaluationNotice(fiscalYear: 2023, divisionCode: "429006") { taskCount } }`,
      {},
      section,
    );
    expect(existing.errors).toBeUndefined();
    if (!existing.data!.evaluationNotice) {
      const issued = await h.platform.gql<{ issueEvaluationNotice: { taskCount: number } }>(
        `mutation($input: IssueEvaluationNoticeInput!) { issueEvaluationNotice(input: $input) { taskCount } }`,
        { input: { divisionCode: '429006', fiscalYear: 2023, dueDate: '2027-06-30' } },
        section,
      );
      expect(issued.errors).toBeUndefined();
      expect(issued.data!.issueEvaluationNotice.taskCount).toBeGreaterThan(0);
    }

    const tasks = await h.platform.gql<{ selfEvaluations: { nodes: Task[] } }>(
      `{ selfEvaluations(filter: { fiscalYear: 2023, status: ISSUED }, page: { first: 200 }) {
          nodes { id unitId name object goalId departmentReview } } }`,
      {},
      section,
    );
    expect(tasks.errors).toBeUndefined();
    const { units } = (await fetch(h.url('dev/identities')).then((r) => r.json())) as {
      units: { id: string; code: string }[];
    };
    // a project whose goal has a ≥ indicator to report below its target, of a unit the sign-in offers
    // under a department it offers too (the department reviews it)
    let chosen: { task: Task; code: string; department: string; indicators: GoalIndicator[] } | undefined;
    for (const task of tasks.data!.selfEvaluations.nodes) {
      const unit = units.find((u) => u.id === task.unitId);
      if (task.object !== 'PROJECT' || !task.goalId || !unit || !task.departmentReview) continue;
      const parent = await h.platform.gql<{ budgetUnit: { parent: { code: string } | null } }>(
        `query($id: ID!) { budgetUnit(id: $id) { parent { code } } }`,
        { id: task.unitId },
        section,
      );
      const department = parent.data?.budgetUnit.parent?.code;
      if (!department || !units.some((u) => u.code === department)) continue;
      const goal = await h.platform.gql<{ goal: { indicators: GoalIndicator[] } }>(
        `query($id: ID!) { goal(id: $id) { indicators { id name operator targetValue } } }`,
        { id: task.goalId },
        section,
      );
      const indicators = goal.data?.goal.indicators ?? [];
      if (indicators.some((i) => i.operator === 'GTE' && (i.targetValue ?? 0) > 0)) {
        chosen = { task, code: unit.code, department, indicators };
        break;
      }
    }
    expect(chosen).toBeDefined();
    const { task, code, department, indicators } = chosen!;

    const page = await h.newPage();
    await tokenSession(page, h, { role: 'BUDGET_UNIT', unitCode: code }, 'self-evaluations');
    await tableRow(page, task.name).first().waitFor();
    await stateTag(page, '已下达待填报').waitFor();
    await record(page, 'evaluation-self-evaluation-tasks');

    await page.getByRole('link', { name: `填报：${task.name}` }).click();
    await page.getByRole('heading', { name: `2023 年度绩效自评：${task.name}` }).waitFor();
    const issuedAmount = await h.platform.gql<{ goal: { issuedAmount: string | null; amount: string } }>(
      `query($id: ID!) { goal(id: $id) { issuedAmount amount } }`,
      { id: task.goalId },
      section,
    );
    const budget = issuedAmount.data!.goal.issuedAmount ?? issuedAmount.data!.goal.amount;
    await page.getByLabel('全年执行数（元）').fill(budget);
    await fillAtFullPoints(page, indicators);
    const score = page.getByRole('status');
    await score.getByLabel('总分', { exact: true }).filter({ hasText: '100.00' }).waitFor();
    await score.getByText('优', { exact: true }).waitFor();

    // one ≥ indicator at half its target: below full points, and no cause given yet
    const behind = indicators.find((i) => i.operator === 'GTE' && (i.targetValue ?? 0) > 0)!;
    await page.getByLabel(`${behind.name}实际完成值`).fill(String(behind.targetValue! / 2));
    await page.getByText('未得满分的指标须说明偏差原因').first().waitFor();
    // scored all the same, with what submission would still refuse listed under the score
    const owed = score.getByRole('list', { name: '提交前尚需补充' });
    await owed.getByText(`「${behind.name}」：未得满分的指标须说明偏差原因`).waitFor();
    await owed.getByText(`「${behind.name}」：未得满分的指标须提出改进措施`).waitFor();
    const formula = score.getByLabel(`${behind.name}得分计算式`);
    await formula.waitFor();
    await record(page, 'evaluation-self-evaluation-cause-refused');

    await page.getByLabel(`${behind.name}偏差原因`).fill('资金到位较晚，部分任务顺延至次年');
    await page.getByLabel(`${behind.name}改进措施`).fill('提前下达资金，按季度调度进度');
    await owed.waitFor({ state: 'detached' });
    const text = (await formula.textContent()) ?? '';
    // the line's points times the share reached: the target and the actual appear in the formula
    expect(text).toContain(String(behind.targetValue! / 2));
    expect(text).toContain(String(behind.targetValue));
    const total = Number(await score.getByLabel('总分', { exact: true }).textContent());
    expect(total).toBeLessThan(100);
    expect(total).toBeGreaterThan(0);
    await record(page, 'evaluation-self-evaluation-preview');

    await page.getByRole('button', { name: '提交自评' }).click();
    await stateTag(page, '已填报').waitFor();
    await page.getByText('自评得分表').waitFor();
    expect(await page.getByRole('button', { name: '提交自评' }).count()).toBe(0);
    await record(page, 'evaluation-self-evaluation-submitted');

    const recorded = await h.platform.gql<{ selfEvaluation: { status: string; total: number; submission: number } }>(
      `query($id: ID!) { selfEvaluation(id: $id) { status total submission } }`,
      { id: task.id },
      section,
    );
    expect(recorded.data!.selfEvaluation).toEqual({ status: 'FILLED', total, submission: 1 });

    // the department returns it: a return without comments is refused beside the field, then sent with them
    const reviewer = await h.newPage();
    await tokenSession(reviewer, h, { role: 'DEPARTMENT', unitCode: department }, 'self-evaluations?status=FILLED');
    await reviewer.getByRole('link', { name: `审核：${task.name}` }).click();
    await reviewer.getByText('主管部门审核', { exact: true }).waitFor();
    await reviewer.getByLabel(`${behind.name}得分计算式`).waitFor();
    await reviewer.getByRole('radio', { name: '退回修改' }).check();
    await reviewer.getByRole('button', { name: '提交审核结论' }).click();
    await reviewer.getByText('退回须填写意见').waitFor();
    await reviewer.getByLabel('意见', { exact: true }).fill('改进措施应写明完成时限');
    await record(reviewer, 'evaluation-self-evaluation-review');
    await reviewer.getByRole('button', { name: '提交审核结论' }).click();
    await stateTag(reviewer, '已退回').waitFor();

    // the unit sees the comment and its last sheet, ready to correct and submit again
    await page.reload();
    await page.getByText('改进措施应写明完成时限').first().waitFor();
    expect(await page.getByLabel(`${behind.name}偏差原因`).inputValue()).toBe('资金到位较晚，部分任务顺延至次年');
    await page.getByLabel(`${behind.name}改进措施`).fill('提前下达资金，按季度调度进度，2024 年 6 月底前完成');
    await page.getByRole('button', { name: '重新提交自评' }).click();
    await stateTag(page, '已填报').waitFor();
    const again = await h.platform.gql<{ selfEvaluation: { status: string; submission: number } }>(
      `query($id: ID!) { selfEvaluation(id: $id) { status submission } }`,
      { id: task.id },
      section,
    );
    expect(again.data!.selfEvaluation).toEqual({ status: 'FILLED', submission: 2 });
  }, 300_000);

  it('fills a unit’s overall expenditure with indicators it states itself, scored as it types', async () => {
    // a year of its own: the notice gives every first- and second-level unit its overall-expenditure task
    const issued = await h.platform.gql<{ issueEvaluationNotice: { taskCount: number } }>(
      `mutation($input: IssueEvaluationNoticeInput!) { issueEvaluationNotice(input: $input) { taskCount } }`,
      { input: { divisionCode: '429006', fiscalYear: 2022, dueDate: '2027-06-30' } },
      section,
    );
    expect(issued.errors).toBeUndefined();
    const tasks = await h.platform.gql<{ selfEvaluations: { nodes: Task[] } }>(
      `{ selfEvaluations(filter: { fiscalYear: 2022 }, page: { first: 200 }) {
          nodes { id unitId name object goalId departmentReview } } }`,
      {},
      section,
    );
    const { units } = (await fetch(h.url('dev/identities')).then((r) => r.json())) as {
      units: { id: string; code: string }[];
    };
    const task = tasks.data!.selfEvaluations.nodes.find(
      (t) => t.object === 'DEPT_OVERALL' && units.some((u) => u.id === t.unitId),
    )!;
    expect(task).toBeDefined();
    const code = units.find((u) => u.id === task.unitId)!.code;

    const page = await h.newPage();
    await tokenSession(page, h, { role: 'BUDGET_UNIT', unitCode: code }, `self-evaluations/${task.id}`);
    await page.getByRole('heading', { name: `2022 年度绩效自评：${task.name}` }).waitFor();
    await page.getByLabel('全年预算数（元）').fill('1000000.00');
    await page.getByLabel('全年执行数（元）').fill('950000.00');
    const stated = [
      { name: '公用经费保障人数', level1: '产出指标', target: '120', points: '40', actual: '120' },
      { name: '重点工作完成率', level1: '效益指标', target: '95', points: '40', actual: '95' },
      { name: '服务对象满意度', level1: '满意度指标', target: '90', points: '20', actual: '85' },
    ];
    for (const [i, line] of stated.entries()) {
      await page.getByRole('button', { name: '添加指标' }).click();
      await page.getByLabel(`第 ${i + 1} 项指标名称`).fill(line.name);
      await page.getByLabel(`第 ${i + 1} 项一级指标`, { exact: true }).click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: line.level1 })
        .first()
        .click();
      await page.getByLabel(`第 ${i + 1} 项目标值`).fill(line.target);
      await page.getByLabel(`第 ${i + 1} 项分值`).fill(line.points);
      await page.getByLabel(`${line.name}实际完成值`).fill(line.actual);
    }
    // satisfaction below its target: refused until the cause and measure are given
    await page.getByText('未得满分的指标须说明偏差原因').first().waitFor();
    await page.getByLabel('服务对象满意度偏差原因').fill('窗口服务等候时间偏长');
    await page.getByLabel('服务对象满意度改进措施').fill('增设自助办理终端');
    const score = page.getByRole('status');
    await score.getByLabel('服务对象满意度得分计算式').waitFor();
    const total = Number(await score.getByLabel('总分', { exact: true }).textContent());
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(100);
    await record(page, 'evaluation-self-evaluation-overall');
    await page.getByRole('button', { name: '提交自评' }).click();
    await stateTag(page, '已填报').waitFor();
    const recorded = await h.platform.gql<{ selfEvaluation: { status: string; total: number; lines: unknown[] } }>(
      `query($id: ID!) { selfEvaluation(id: $id) { status total lines { indicatorId } } }`,
      { id: task.id },
      section,
    );
    expect(recorded.data!.selfEvaluation).toMatchObject({ status: 'FILLED', total });
    expect(recorded.data!.selfEvaluation.lines).toHaveLength(3);
  }, 300_000);
});
