import { expect } from '@jest/globals';
import { tokenSession, useConsoleHarness, type Role } from './harness';
import { buttonName, openFromQueue, pick, record, stateTag, submitDialog, tableRow } from './console-pages';

/**
 * 审核 — the review side of goals in the browser (issue 14 item 3): the department passes a submitted
 * goal on; the budget section, an expert and the performance section each give a joint-review opinion
 * (the expert returns it with a comment on one indicator); the performance section returns it; after
 * the unit's resubmission it is approved, issued with the budget, adjusted and made an exemplary
 * sample. And live: a reviewer's open queue gains a goal another person passed on and loses one
 * another reviewer dealt with, without a reload.
 */
describe('the review queue and the joint review', () => {
  const h = useConsoleHarness();
  const DEPARTMENT = '101001'; // 天门市教育局: the department over 天门中学 (101002)
  const UNIT = '101002';
  const EXPERT = 'expert.003';

  /** Several people, each in a browser of their own, on a machine other runs share: minutes, not seconds. */
  const STORY_TIMEOUT = 480_000;

  /** The demo year's goal of `projectName`: its id and indicators. */
  async function demoGoal(projectName: string) {
    const answer = await h.platform.gql<{
      goals: { nodes: { id: string; status: string; indicators: { id: string; name: string }[] }[] };
    }>(
      `query($text: String) { goals(filter: { text: $text }) { nodes { id status indicators { id name } } } }`,
      { text: projectName },
      { role: 'PERFORMANCE_SECTION', userId: 'li.na' },
    );
    expect(answer.errors).toBeUndefined();
    const goal = answer.data!.goals.nodes[0];
    if (!goal) throw new Error(`no demo goal ${projectName}`);
    return goal;
  }

  async function unitIdOf(code: string): Promise<string> {
    const { units } = (await fetch(h.url('dev/identities')).then((r) => r.json())) as {
      units: { id: string; code: string }[];
    };
    return units.find((u) => u.code === code)!.id;
  }

  /** Runs a command as someone through GraphQL (the other people of the story, where the browser is not the point). */
  async function act(
    query: string,
    input: Record<string, unknown>,
    who: { role: Role; unitId?: string; userId: string },
  ) {
    const answer = await h.platform.gql(query, { input }, who);
    expect(answer.errors).toBeUndefined();
  }

  it(
    'three reviewers give opinions, the performance section returns the goal; resubmitted, it is approved, issued, adjusted and made a sample',
    async () => {
      const GOAL = '黄潭中小学教师培训'; // submitted by 天门中学, waiting for its department
      const goal = await demoGoal(GOAL);
      expect(goal.status).toBe('SUBMITTED');
      const commented = goal.indicators[0]!;

      // the department passes it on to the joint review from its queue
      const department = await h.newPage();
      await tokenSession(department, h, { role: 'DEPARTMENT', unitCode: DEPARTMENT }, 'review-queue');
      await tableRow(department, GOAL).waitFor();
      await record(department, 'review-queue-department');
      const passOn = await openFromQueue(department, GOAL, '审核', '主管部门审核');
      expect(await passOn.getByRole('radio', { name: '通过' }).isChecked()).toBe(true);
      await submitDialog(passOn);
      await tableRow(department, GOAL).waitFor({ state: 'detached' });

      // the budget section approves
      const budget = await h.newPage();
      await tokenSession(budget, h, { role: 'BUDGET_SECTION', userId: 'wang.fang' }, 'review-queue');
      const budgetOpinion = await openFromQueue(budget, GOAL, '提出联审意见', '联审意见');
      await budgetOpinion.getByLabel('总体意见').fill('资金安排与年度预算相符，同意');
      await submitDialog(budgetOpinion);
      await tableRow(budget, GOAL).waitFor({ state: 'detached' });

      // the expert returns it: a return without a reason is stopped as typed, then a comment on one indicator
      const expert = await h.newPage();
      await tokenSession(expert, h, { role: 'EXPERT', userId: EXPERT }, 'review-queue');
      await tableRow(expert, GOAL).waitFor();
      await record(expert, 'review-queue-expert');
      const expertOpinion = await openFromQueue(expert, GOAL, '提出联审意见', '联审意见');
      await expertOpinion.getByRole('radio', { name: '退回修改' }).check();
      await submitDialog(expertOpinion);
      await expertOpinion.getByText('退回须说明原因：填写总体意见或逐项指标意见').waitFor();
      await expertOpinion.getByRole('button', { name: '添加逐项指标意见' }).click();
      await pick(expert, expertOpinion, '第 1 条意见针对的指标', commented.name);
      await expertOpinion
        .getByLabel('第 1 条指标意见', { exact: true })
        .fill('目标值低于上年实际完成数，请按上年实际调高');
      await expertOpinion.getByText('退回须说明原因').waitFor({ state: 'detached' });
      await record(expert, 'review-opinion-form');
      await submitDialog(expertOpinion);
      await tableRow(expert, GOAL).waitFor({ state: 'detached' });

      // the performance section, on the goal page: two opinions in, its own missing, no conclusion yet
      const section = await h.newPage();
      await tokenSession(section, h, { role: 'PERFORMANCE_SECTION', userId: 'li.na' }, `goals/${goal.id}`);
      const progress = section.getByLabel('财政联审进度');
      await progress.getByText('预算科：已提出').waitFor();
      await progress.getByText('专家：已提出').waitFor();
      await progress.getByText('绩效科：待提出').waitFor();
      await progress.getByText(commented.name, { exact: false }).waitFor();
      expect(await section.getByRole('button', { name: '作出联审结论' }).isDisabled()).toBe(true);
      await record(section, 'review-goal-page-joint-review');
      await section.getByRole('button', { name: '提出联审意见' }).click();
      const ownOpinion = section.getByRole('dialog', { name: /联审意见/ });
      await ownOpinion.getByLabel('总体意见').fill('同意专家意见');
      await submitDialog(ownOpinion);
      await progress.getByText('绩效科：已提出').waitFor();
      await section.getByText('有退回意见，只能退回修改').waitFor();

      // its conclusion: approving is closed while an opinion asks for a return
      await section.getByRole('button', { name: '作出联审结论' }).click();
      const conclusion = section.getByRole('dialog', { name: /联审结论/ });
      expect(await conclusion.getByRole('radio', { name: '通过' }).isDisabled()).toBe(true);
      expect(await conclusion.getByRole('radio', { name: '退回修改' }).isChecked()).toBe(true);
      await conclusion.getByLabel('总体意见').fill('请按专家意见调整指标目标值后重新提交');
      await record(section, 'review-decision-form');
      await submitDialog(conclusion);
      await stateTag(section, '已退回修改').waitFor();

      // the unit revises and resubmits (its own pages are the goal editor's test); the department passes it on,
      // the budget section and the expert approve
      const unitId = await unitIdOf(UNIT);
      await act(
        `mutation($input: SubmitDraftInput!) { submitDraft(input: $input) { id } }`,
        { goalId: goal.id },
        { role: 'BUDGET_UNIT', unitId, userId: `${UNIT}.staff` },
      );
      const REVIEW = `mutation($input: ReviewGoalInput!) { reviewGoal(input: $input) { id } }`;
      const OPINION = `mutation($input: RecordReviewOpinionInput!) { recordReviewOpinion(input: $input) { id } }`;
      await act(
        REVIEW,
        { goalId: goal.id, result: 'APPROVE' },
        { role: 'DEPARTMENT', unitId: await unitIdOf(DEPARTMENT), userId: 'jyj.staff' },
      );
      await act(OPINION, { goalId: goal.id, opinion: 'APPROVE' }, { role: 'BUDGET_SECTION', userId: 'wang.fang' });
      await act(OPINION, { goalId: goal.id, opinion: 'APPROVE' }, { role: 'EXPERT', userId: EXPERT });

      // round 2 on the same open page (it follows the goal live): the section approves and concludes
      await progress.getByText('第 2 轮').waitFor();
      await progress.getByText('绩效科：待提出').waitFor();
      await section.getByRole('button', { name: '提出联审意见' }).click();
      await submitDialog(section.getByRole('dialog', { name: /联审意见/ }));
      await progress.getByText('意见已齐备，待绩效科作出结论').waitFor();
      await section.getByRole('button', { name: '作出联审结论' }).click();
      const approval = section.getByRole('dialog', { name: /联审结论/ });
      await approval.getByRole('radio', { name: '通过' }).check();
      await submitDialog(approval);
      await stateTag(section, '已批准').waitFor();

      // issued with the budget reply
      await section.getByRole('button', { name: '随预算下达' }).click();
      const issue = section.getByRole('dialog', { name: /随预算下达/ });
      await issue.getByLabel('预算批复文号').fill('天财预〔2023〕12 号');
      await issue.getByLabel('下达金额（元）').fill('12.345');
      await issue.getByText('格式不对').waitFor();
      await issue.getByLabel('下达金额（元）').fill('300000.00');
      await submitDialog(issue);
      await stateTag(section, '已随预算下达').waitFor();
      await section.getByText('天财预〔2023〕12 号').waitFor();

      // adjusted through a budget adjustment: a lower amount and a revised target
      await section.getByRole('button', { name: '随预算调整目标' }).click();
      const adjust = section.getByRole('dialog', { name: /目标调整/ });
      await adjust.getByLabel('预算调整文号').fill('天财预调〔2023〕5 号');
      await adjust.getByLabel('调整原因').fill('年中预算调整，培训规模相应压减');
      await adjust.getByLabel('调整后金额（元）').fill('250000.00');
      await adjust.getByRole('button', { name: `修改指标 ${commented.name}` }).click();
      const indicator = section.getByRole('dialog', { name: `调整指标「${commented.name}」` });
      await indicator.getByRole('button', { name: buttonName('确定') }).click();
      await indicator.waitFor({ state: 'hidden' });
      await record(section, 'review-adjust-form');
      await submitDialog(adjust);
      await stateTag(section, '已调整').waitFor();
      await record(section, 'review-goal-page-adjusted');

      // and offered to other units as an exemplary sample
      await section.getByRole('button', { name: '评为精品样本' }).click();
      const exemplary = section.getByRole('dialog', { name: /评为精品样本/ });
      await submitDialog(exemplary);
      await exemplary.getByText('请说明评为样本的理由').waitFor();
      await exemplary.getByLabel('理由').fill('指标完整、目标值有据可查，可供同类培训项目参考');
      await submitDialog(exemplary);
      await stateTag(section, '精品样本').waitFor();
      expect(await section.getByRole('button', { name: '评为精品样本' }).count()).toBe(0);
    },
    STORY_TIMEOUT,
  );

  it(
    'a reviewer’s open queue gains and loses goals as other people act, without a reload',
    async () => {
      const GOAL = '黄潭农村义务教育学生营养改善计划'; // submitted by 天门中学, waiting for its department
      expect((await demoGoal(GOAL)).status).toBe('SUBMITTED');

      const watcher = await h.newPage();
      await tokenSession(watcher, h, { role: 'BUDGET_SECTION', userId: 'wang.fang' }, 'review-queue');
      await watcher.getByRole('heading', { level: 2, name: /审核待办/ }).waitFor();
      await watcher
        .locator('.ant-spin-spinning')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      expect(await tableRow(watcher, GOAL).count()).toBe(0);
      // a mark on the document: a reload would lose it
      await watcher.evaluate(() => Object.assign(window, { __sameDocument: true }));

      // the department passes the goal on in its own browser: it enters the budget section's queue
      const department = await h.newPage();
      await tokenSession(department, h, { role: 'DEPARTMENT', unitCode: DEPARTMENT }, 'review-queue');
      await submitDialog(await openFromQueue(department, GOAL, '审核', '主管部门审核'));
      await tableRow(watcher, GOAL).waitFor({ timeout: 15_000 });
      await watcher.getByText(/待办有变动/).waitFor();
      await record(watcher, 'review-queue-live');

      // another member of the budget section gives the section's opinion: the goal leaves the queue
      const colleague = await h.newPage();
      await tokenSession(colleague, h, { role: 'BUDGET_SECTION', userId: 'zhou.min' }, 'review-queue');
      await submitDialog(await openFromQueue(colleague, GOAL, '提出联审意见', '联审意见'));
      await tableRow(watcher, GOAL).waitFor({ state: 'detached', timeout: 15_000 });
      expect(await watcher.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
        true,
      );
    },
    STORY_TIMEOUT,
  );
});
