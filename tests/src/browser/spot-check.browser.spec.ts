import { expect } from '@jest/globals';
import { tokenSession, useConsoleHarness } from './harness';
import { pick, record, stateTag, tableRow } from './console-pages';

interface Task {
  id: string;
  unitId: string;
  name: string;
  object: string;
  status: string;
  drawn: boolean | null;
  departmentReview: boolean;
}

/** A year the demo has not evaluated: its notice is issued here, and its sample not yet drawn. */
const YEAR = 2022;
const DIVISION = '429006';

/** An overall-expenditure sheet met in full (no deviation cause needed): the unit's own three indicators. */
const fullSheet = (evaluationId: string) => ({
  evaluationId,
  budget: '1000000.00',
  executed: '1000000.00',
  indicators: [
    {
      indicatorId: 'overall-1',
      name: '公用经费保障人数',
      level1: 'OUTPUT',
      operator: '>=',
      target: 120,
      points: 40,
      actual: 120,
    },
    {
      indicatorId: 'overall-2',
      name: '重点工作完成率',
      level1: 'BENEFIT',
      operator: '>=',
      target: 95,
      points: 40,
      actual: 96,
    },
    {
      indicatorId: 'overall-3',
      name: '服务对象满意度',
      level1: 'SATISFACTION',
      operator: '>=',
      target: 90,
      points: 20,
      actual: 92,
    },
  ],
});

/**
 * 财政抽查 in the browser (issue 16, item 5): the bureau has issued a year's self-evaluation notice;
 * on the task list it draws the spot-check sample (the share from the profile, the seed recorded and
 * shown). A drawn unit fills its overall expenditure and its department accepts it (through the API:
 * the form itself is self-evaluation.browser.spec.ts's); the bureau opens it from its 抽查 link,
 * tries to return it without a comment (refused beside the field), returns it with one; the unit
 * sees the return and the bureau's comment on its task, corrects and resubmits; the department
 * accepts again, and the bureau's spot check accepts it (认定, on the spot check's basis).
 */
describe('the bureau’s spot check: drawn on the page, returned with comments, seen by the unit, accepted', () => {
  const h = useConsoleHarness();
  const section = { role: 'PERFORMANCE_SECTION' as const, userId: 'li.na' };

  it('draws the sample, returns a drawn evaluation with a comment, the unit sees it; resubmitted and accepted', async () => {
    const issued = await h.platform.gql<{ issueEvaluationNotice: { taskCount: number } }>(
      `mutation($input: IssueEvaluationNoticeInput!) { issueEvaluationNotice(input: $input) { taskCount } }`,
      { input: { divisionCode: DIVISION, fiscalYear: YEAR, dueDate: '2027-06-30' } },
      section,
    );
    expect(issued.errors).toBeUndefined();
    const taskCount = issued.data!.issueEvaluationNotice.taskCount;
    expect(taskCount).toBeGreaterThan(0);

    // the bureau draws the sample on the page
    const bureau = await h.newPage();
    await tokenSession(bureau, h, section, 'self-evaluations');
    await pick(bureau, bureau, '预算年度', `${YEAR} 年度`);
    await bureau.getByText('尚未抽取').waitFor();
    await bureau.getByRole('button', { name: '抽取抽查样本' }).click();
    const drawn = bureau.getByText(new RegExp(`比例 \\d+%，自 \\d+ 个单位中抽中 \\d+ 个（种子 ${DIVISION}-${YEAR}）`));
    await drawn.waitFor();
    expect(await bureau.getByRole('button', { name: '抽取抽查样本' }).count()).toBe(0);

    // the draw is noted on every evaluation (a reaction): then the drawn ones carry the tag 抽查
    expect(await h.platform.caughtUp(30_000)).toBe(true);
    const tasks = await h.platform.gql<{ selfEvaluations: { nodes: Task[] } }>(
      `query($filter: SelfEvaluationFilter!) { selfEvaluations(filter: $filter, page: { first: 200 }) {
          nodes { id unitId name object status drawn departmentReview } } }`,
      { filter: { fiscalYear: YEAR } },
      section,
    );
    expect(tasks.errors).toBeUndefined();
    const nodes = tasks.data!.selfEvaluations.nodes;
    expect(nodes).toHaveLength(taskCount);
    expect(nodes.every((t) => t.drawn !== null)).toBe(true);
    const notice = await h.platform.gql<{ evaluationNotice: { draw: { drawnUnitIds: string[] } } }>(
      `query($fy: Int!) { evaluationNotice(fiscalYear: $fy, divisionCode: "${DIVISION}") { draw { drawnUnitIds } } }`,
      { fy: YEAR },
      section,
    );
    const drawnUnits = new Set(notice.data!.evaluationNotice.draw.drawnUnitIds);
    expect(drawnUnits.size).toBeGreaterThan(0);
    // exactly the drawn units' evaluations are marked drawn
    for (const t of nodes) expect(t.drawn).toBe(drawnUnits.has(t.unitId));
    await bureau.reload();
    await bureau.locator('tr.ant-table-row .ant-tag', { hasText: '抽查' }).first().waitFor();
    await record(bureau, 'evaluation-spot-check-drawn');

    // a drawn unit (one the sign-in offers) fills its overall expenditure; its department accepts it
    const { units } = (await fetch(h.url('dev/identities')).then((r) => r.json())) as {
      units: { id: string; code: string }[];
    };
    const task = nodes.find(
      (t) => t.drawn && t.object === 'DEPT_OVERALL' && t.departmentReview && units.some((u) => u.id === t.unitId),
    );
    expect(task).toBeDefined();
    const unit = units.find((u) => u.id === task!.unitId)!;
    const asUnit = { role: 'BUDGET_UNIT' as const, unitId: unit.id, userId: `${unit.code}.staff` };
    const parent = await h.platform.gql<{ budgetUnit: { parent: { id: string } | null } }>(
      `query($id: ID!) { budgetUnit(id: $id) { parent { id } } }`,
      { id: unit.id },
      section,
    );
    const asDepartment = { role: 'DEPARTMENT' as const, unitId: parent.data!.budgetUnit.parent!.id };
    const submit = async () => {
      const submitted = await h.platform.gql<{ submitSelfEvaluation: { status: string } }>(
        `mutation($input: SubmitSelfEvaluationInput!) { submitSelfEvaluation(input: $input) { status } }`,
        { input: fullSheet(task!.id) },
        asUnit,
      );
      expect(submitted.errors).toBeUndefined();
      expect(submitted.data!.submitSelfEvaluation.status).toBe('FILLED');
      const reviewed = await h.platform.gql<{ reviewSelfEvaluation: { status: string } }>(
        `mutation($input: SelfEvaluationDecisionInput!) { reviewSelfEvaluation(input: $input) { status } }`,
        { input: { evaluationId: task!.id, decision: 'ACCEPT', comment: '' } },
        asDepartment,
      );
      expect(reviewed.errors).toBeUndefined();
      // drawn: it waits for the bureau, not accepted on the department's review
      expect(reviewed.data!.reviewSelfEvaluation.status).toBe('DEPARTMENT_REVIEWED');
    };
    await submit();

    // the bureau opens it from the list (its 抽查 link) and returns it: first without a comment, refused beside the field
    await bureau.reload();
    await tableRow(bureau, task!.name).first().waitFor();
    await bureau.getByRole('link', { name: `抽查：${task!.name}` }).click();
    await bureau.getByRole('heading', { name: `${YEAR} 年度绩效自评：${task!.name}` }).waitFor();
    await stateTag(bureau, '主管部门已审核').waitFor();
    await bureau.getByText('财政抽查', { exact: true }).first().waitFor();
    await bureau.getByText('抽中', { exact: true }).waitFor();
    await bureau.getByLabel('服务对象满意度得分计算式').waitFor();
    await bureau.getByRole('radio', { name: '退回修改' }).check();
    await bureau.getByRole('button', { name: '提交抽查结论' }).click();
    await bureau.getByText('退回须填写意见').waitFor();
    const comment = '满意度调查样本量不足，请补充问卷原始资料后重新提交';
    await bureau.getByLabel('意见', { exact: true }).fill(comment);
    await record(bureau, 'evaluation-spot-check-return');
    await bureau.getByRole('button', { name: '提交抽查结论' }).click();
    await stateTag(bureau, '已退回').waitFor();
    // the review record: the department's acceptance and the spot check's return with its comment
    const reviews = bureau.locator('.ant-card', { hasText: '审核与抽查记录' });
    await tableRow(reviews, comment).waitFor();
    await tableRow(reviews, '主管部门审核').locator('.ant-tag', { hasText: '通过' }).waitFor();
    await tableRow(reviews, comment).locator('.ant-tag', { hasText: '退回' }).waitFor();
    expect(await bureau.getByRole('button', { name: '提交抽查结论' }).count()).toBe(0);

    // the unit sees its evaluation returned, with the bureau's comment, on its list and on the task
    const unitPage = await h.newPage();
    await tokenSession(unitPage, h, { role: 'BUDGET_UNIT', unitCode: unit.code }, 'self-evaluations');
    await pick(unitPage, unitPage, '预算年度', `${YEAR} 年度`);
    const row = tableRow(unitPage, task!.name).first();
    await row.locator('.ant-tag', { hasText: '已退回' }).waitFor();
    await unitPage.getByRole('link', { name: `修改重新提交：${task!.name}` }).click();
    await unitPage.getByText('已退回（财政抽查）').waitFor();
    await unitPage.getByText(comment).first().waitFor();
    await unitPage.getByRole('button', { name: '重新提交自评' }).waitFor();
    await record(unitPage, 'evaluation-spot-check-returned-unit');

    const returned = await h.platform.gql<{
      selfEvaluation: { status: string; reviews: { stage: string; decision: string; comment: string }[] };
    }>(
      `query($id: ID!) { selfEvaluation(id: $id) { status reviews { stage decision comment } } }`,
      { id: task!.id },
      asUnit,
    );
    expect(returned.data!.selfEvaluation.status).toBe('RETURNED');
    expect(returned.data!.selfEvaluation.reviews.at(-1)).toEqual({ stage: 'SPOT_CHECK', decision: 'RETURN', comment });

    // corrected and resubmitted, accepted again by the department; the bureau accepts it on the page
    await submit();
    await bureau.reload();
    await stateTag(bureau, '主管部门已审核').waitFor();
    await bureau.getByRole('radio', { name: '认定' }).check();
    await bureau.getByRole('button', { name: '提交抽查结论' }).click();
    await stateTag(bureau, '已认定').waitFor();
    await bureau.getByText('财政抽查认定').waitFor();
    // the screenshot without the confirmation still over the sheet
    await bureau.getByText('抽查结论已提交').waitFor({ state: 'hidden' });
    await record(bureau, 'evaluation-spot-check-accepted');
    const accepted = await h.platform.gql<{
      selfEvaluation: { status: string; acceptedBasis: string; submission: number };
    }>(`query($id: ID!) { selfEvaluation(id: $id) { status acceptedBasis submission } }`, { id: task!.id }, section);
    expect(accepted.data!.selfEvaluation).toEqual({ status: 'ACCEPTED', acceptedBasis: 'SPOT_CHECK', submission: 2 });
  }, 300_000);
});
