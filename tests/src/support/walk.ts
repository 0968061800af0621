/* Runs inside jest: `expect` is jest's global. */
import {
  as,
  goalInput,
  JOINT_REVIEWERS,
  OPINION,
  projectInput,
  PROPOSE_PROJECT,
  REGISTER_UNIT,
  REVIEW,
} from './platform';
import type { Caller, TestPlatform } from './platform';

export const officer = (unitId: string) => as('BUDGET_UNIT', unitId, 'zhang.wei');
export const department = (unitId: string) => as('DEPARTMENT', unitId, 'zhao.lei');
export const performance = as('PERFORMANCE_SECTION', null, 'li.na');
export const budgetSection = as('BUDGET_SECTION', null, 'wang.yu');
export const admin = as('ADMIN', null, 'wang.admin');
export const expert = (n: number) => as('EXPERT', null, `expert.${n}`);

/** Runs an operation that must succeed and returns its one root field. */
export async function ok(
  p: Pick<TestPlatform, 'gql'>,
  query: string,
  variables: Record<string, unknown>,
  caller: Caller = performance,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes vary per operation
): Promise<any> {
  const result = await p.gql(query, variables, caller);
  expect(result.errors).toBeUndefined();
  return Object.values(result.data ?? {})[0];
}

export const GOAL_FIELDS = `id status statusLabel version reviewRounds exemplary adjustmentCount copiedFromGoalId
  indicators { id name templateId targetValue } reviews { round stage result } opinions { round reviewerRole opinion }`;
export const SUBMIT_DRAFT = `mutation($input: SubmitDraftInput!) { submitDraft(input: $input) { ${GOAL_FIELDS} } }`;
export const PRE_ASSESSMENT_FIELDS = `id status passMark total passed conclusion ruleProfile { profileId version }
  dimensions { dimension maxPoints score } scores { dimension points scorerId }`;

/** The city and its units: an education bureau (first level) with a school under it. */
export async function registerUnits(p: Pick<TestPlatform, 'gql'>) {
  const bureau = await ok(
    p,
    REGISTER_UNIT,
    { input: { code: '101001', name: '天门市教育局', level: 'FIRST', divisionCode: '429006' } },
    admin,
  );
  const school = await ok(
    p,
    REGISTER_UNIT,
    { input: { code: '101002', name: '天门市实验小学', level: 'SECOND', parentId: bureau.id, divisionCode: '429006' } },
    admin,
  );
  return { bureau: bureau.id as string, school: school.id as string };
}

/** Five expert scores totalling `total` (split evenly), then the conclusion. */
export async function preAssess(p: Pick<TestPlatform, 'gql'>, projectId: string, scores: number[], conclusion: string) {
  const pa = await ok(
    p,
    `mutation($input: OpenPreAssessmentInput!) { openPreAssessment(input: $input) { id passMark } }`,
    { input: { projectId, scorerIds: ['expert.1'] } },
    performance,
  );
  const dims = ['NECESSITY', 'ECONOMY', 'GOAL_REASONABLENESS', 'FEASIBILITY', 'FINANCING_COMPLIANCE'];
  for (const [n, dimension] of dims.entries()) {
    await ok(
      p,
      `mutation($input: GiveScoreInput!) { giveScore(input: $input) { id } }`,
      { input: { preAssessmentId: pa.id, dimension, points: scores[n], reason: '依据申报材料和现场踏勘' } },
      expert(1),
    );
  }
  return ok(
    p,
    `mutation($input: ConcludePreAssessmentInput!) { concludePreAssessment(input: $input) { ${PRE_ASSESSMENT_FIELDS} } }`,
    { input: { preAssessmentId: pa.id, conclusion, report: '项目立项必要，投入经济，方案可行' } },
    performance,
  );
}

/** Every joint-review member gives the same opinion; a return carries a comment on the first indicator. */
export async function jointReview(
  p: Pick<TestPlatform, 'gql'>,
  goal: { id: string; indicators: { id: string }[] },
  opinion: string,
) {
  for (const reviewer of JOINT_REVIEWERS) {
    const comments =
      opinion === 'RETURN' ? [{ indicatorId: goal.indicators[0]!.id, comment: '数量目标应与年度计划一致' }] : [];
    await ok(p, OPINION, { input: { goalId: goal.id, opinion, indicatorComments: comments } }, reviewer);
  }
}

export const review = (p: Pick<TestPlatform, 'gql'>, goalId: string, result: string, caller: Caller) =>
  ok(p, REVIEW, { input: { goalId, result, comment: result === 'RETURN' ? '请按联审意见修改' : '' } }, caller);

export { PROPOSE_PROJECT, goalInput, projectInput };
