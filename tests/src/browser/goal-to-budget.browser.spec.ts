import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { screenshot, tokenSession, useConsoleHarness } from './harness';
import { addLibraryIndicator, openFromQueue, pick, stateTag, submitDialog, tableRow } from './console-pages';

/**
 * The whole way from a unit's goal to its budget, in the browser, with every person at their own page
 * (issue 14 item 4): a budget unit drafts a goal from library indicators and submits it → its
 * department passes it on → the budget section, an expert and the performance section give their
 * joint-review opinions, the expert returning it with a comment on one indicator, and the performance
 * section returns it → the unit reads the comment beside that indicator, revises it and resubmits →
 * the second round approves → the finance bureau admits the project to the library → the budget
 * section allocates its budget.
 */
describe('from a unit’s goal to its budget, every step on screen', () => {
  const h = useConsoleHarness();
  const UNIT = '101002'; // 天门中学: a second-level unit under 天门市教育局
  const DEPARTMENT = '101001';
  const EXPERT = 'expert.003';
  const PROJECT = '天门中学课后服务提质';

  async function unitIdOf(code: string): Promise<string> {
    const { units } = (await fetch(h.url('dev/identities')).then((r) => r.json())) as {
      units: { id: string; code: string }[];
    };
    return units.find((u) => u.code === code)!.id;
  }

  /** Each reviewer's opinion from their own queue; `returning` adds a comment on `indicator`. */
  async function opinion(page: Page, returning?: { indicator: string; comment: string }) {
    const dialog = await openFromQueue(page, PROJECT, '提出联审意见', '联审意见');
    if (returning) {
      await dialog.getByRole('radio', { name: '退回修改' }).check();
      await dialog.getByRole('button', { name: '添加逐项指标意见' }).click();
      await pick(page, dialog, '第 1 条意见针对的指标', returning.indicator);
      await dialog.getByLabel('第 1 条指标意见', { exact: true }).fill(returning.comment);
    } else {
      await dialog.getByLabel('总体意见').fill('同意');
    }
    await submitDialog(dialog);
    await tableRow(page, PROJECT).waitFor({ state: 'detached' });
  }

  async function departmentPassesOn(page: Page) {
    await page.reload();
    const dialog = await openFromQueue(page, PROJECT, '审核', '主管部门审核');
    await submitDialog(dialog);
    await tableRow(page, PROJECT).waitFor({ state: 'detached' });
  }

  it('drafted, returned with a comment, revised, approved, admitted and allocated', async () => {
    const unitId = await unitIdOf(UNIT);
    // the project itself (its form is the projects test's): proposed by the unit, 480,000 yuan
    const proposed = await h.platform.gql<{ proposeProject: { id: string } }>(
      `mutation($input: ProposeProjectInput!) { proposeProject(input: $input) { id } }`,
      {
        input: {
          unitId,
          code: '101002-2023-0977',
          name: PROJECT,
          category: 'RECURRING',
          isNew: false,
          isMajor: false,
          amountRequested: '480000.00',
          fiscalYear: 2023,
        },
      },
      { role: 'BUDGET_UNIT', unitId, userId: `${UNIT}.staff` },
    );
    expect(proposed.errors).toBeUndefined();

    // 1. the unit drafts the goal from library indicators and one of its own, and submits it
    const unit = await h.newPage();
    await tokenSession(unit, h, { role: 'BUDGET_UNIT', unitCode: UNIT }, 'goals');
    await unit.getByRole('button', { name: '新建绩效目标' }).click();
    await pick(unit, unit, '项目', PROJECT);
    await unit.getByLabel('总体目标').fill('全年开展课后服务 3000 人次以上，学生和家长满意度达到 90% 以上。');
    await unit.getByRole('button', { name: '建立草稿' }).click();
    await unit.waitForURL(/\/console\/goals\/[0-9a-f-]{36}$/);
    const goalId = /goals\/([0-9a-f-]{36})$/.exec(unit.url())![1]!;
    await addLibraryIndicator(unit, '培训教师人次', '600', '30');
    await addLibraryIndicator(unit, '义务教育巩固率', '97', '30');
    await unit.getByRole('button', { name: '添加自定义指标' }).click();
    const own = unit.getByRole('dialog', { name: '添加自定义指标' });
    await pick(unit, own, '二级指标', '时效指标');
    await own.getByLabel('指标名称（三级指标）').fill('课后服务按期开展率');
    await own.getByLabel('目标值', { exact: true }).fill('100');
    await own.getByLabel('计量单位').fill('%');
    await own.getByLabel('分值', { exact: true }).fill('20');
    await own.getByRole('button', { name: '添加指标' }).click();
    await own.waitFor({ state: 'hidden' });
    await unit.getByText('提交检查：已满足提交条件').waitFor();
    await unit.getByRole('button', { name: '提交审核' }).click();
    await stateTag(unit, '已提交，待主管部门审核').waitFor();

    // 2. the department passes it on; 3. three reviewers give opinions — the expert returns it
    const department = await h.newPage();
    await tokenSession(department, h, { role: 'DEPARTMENT', unitCode: DEPARTMENT }, 'review-queue');
    await departmentPassesOn(department);
    const budget = await h.newPage();
    await tokenSession(budget, h, { role: 'BUDGET_SECTION', userId: 'wang.fang' }, 'review-queue');
    await opinion(budget);
    const expert = await h.newPage();
    await tokenSession(expert, h, { role: 'EXPERT', userId: EXPERT }, 'review-queue');
    const comment = '人次目标低于上年实际，请按上年实际完成数调高';
    await opinion(expert, { indicator: '培训教师人次', comment });
    const section = await h.newPage();
    await tokenSession(section, h, { role: 'PERFORMANCE_SECTION', userId: 'li.na' }, `goals/${goalId}`);
    await section.getByRole('button', { name: '提出联审意见' }).click();
    const sectionOpinion = section.getByRole('dialog', { name: /联审意见/ });
    await sectionOpinion.getByLabel('总体意见').fill('同意专家意见');
    await submitDialog(sectionOpinion);
    await section.getByRole('button', { name: '作出联审结论' }).click();
    const conclusion = section.getByRole('dialog', { name: /联审结论/ });
    expect(await conclusion.getByRole('radio', { name: '通过' }).isDisabled()).toBe(true);
    await conclusion.getByLabel('总体意见').fill('请按专家意见调整后重新提交');
    await submitDialog(conclusion);
    await stateTag(section, '已退回修改').waitFor();

    // 4. the unit's page followed: the comment is beside the indicator it names; revise and resubmit
    await stateTag(unit, '已退回修改').waitFor();
    await tableRow(unit, '培训教师人次').getByText(comment).waitFor();
    await screenshot(unit, 'goal-to-budget-returned');
    await tableRow(unit, '培训教师人次').getByRole('button', { name: '修改' }).click();
    const revise = unit.getByRole('dialog', { name: '修改指标「培训教师人次」' });
    await revise.getByLabel('目标值', { exact: true }).fill('700');
    await revise.getByLabel('修改理由').fill('按专家意见以上年实际完成数为基础调高');
    await revise.getByRole('button', { name: '保存修改' }).click();
    await revise.waitFor({ state: 'hidden' });
    await unit.getByRole('button', { name: '重新提交审核' }).click();
    await stateTag(unit, '已提交，待主管部门审核').waitFor();

    // 5. the second round approves
    await departmentPassesOn(department);
    await budget.reload();
    await opinion(budget);
    await expert.reload();
    await opinion(expert);
    await section.getByText('第 2 轮').first().waitFor();
    await section.getByRole('button', { name: '提出联审意见' }).click();
    await submitDialog(section.getByRole('dialog', { name: /联审意见/ }));
    await section.getByRole('button', { name: '作出联审结论' }).click();
    const approval = section.getByRole('dialog', { name: /联审结论/ });
    await approval.getByRole('radio', { name: '通过' }).check();
    await submitDialog(approval);
    await stateTag(section, '已批准').waitFor();
    await screenshot(section, 'goal-to-budget-approved');

    // 6. the performance section admits the project to the library; 7. the budget section allocates
    await section.goto(h.url(`projects/${proposed.data!.proposeProject.id}`));
    await section.getByText('已满足入库条件，可由财政局纳入项目库').waitFor();
    await section.getByRole('button', { name: '纳入项目库' }).click();
    await section.getByRole('button', { name: '确认入库' }).click();
    await section.getByText('项目已入库').waitFor();
    await budget.goto(h.url(`projects/${proposed.data!.proposeProject.id}`));
    await budget.getByLabel('安排金额（元）').fill('480000.00');
    await budget.getByLabel('预算文号').fill('天财预〔2023〕96号');
    await budget.getByRole('button', { name: '安排预算' }).click();
    await budget.getByRole('cell', { name: '天财预〔2023〕96号' }).waitFor();
    await screenshot(budget, 'goal-to-budget-allocated');

    const after = await h.platform.gql<{
      project: { libraryStatus: string; allocatedTotal: string };
      goal: { status: string; reviewRounds: number; indicators: { name: string; targetValue: number }[] };
    }>(
      `query($project: ID!, $goal: ID!) { project(id: $project) { libraryStatus allocatedTotal }
        goal(id: $goal) { status reviewRounds indicators { name targetValue } } }`,
      { project: proposed.data!.proposeProject.id, goal: goalId },
      { role: 'AUDITOR', userId: 'zhou.shen' },
    );
    expect(after.data?.project).toEqual({ libraryStatus: 'IN_LIBRARY', allocatedTotal: '480000.00' });
    expect(after.data?.goal.status).toBe('APPROVED');
    expect(after.data?.goal.reviewRounds).toBe(2);
    expect(after.data?.goal.indicators.find((i) => i.name === '培训教师人次')?.targetValue).toBe(700);
    // seven people and two review rounds: minutes on a loaded 2-core machine
  }, 300_000);
});
