/* Runs inside jest: the walk helpers use `expect`. */
import { as, SUBMIT_GOAL, type Caller, type TestPlatform } from './platform';
import {
  department,
  GOAL_FIELDS,
  goalInput,
  jointReview,
  officer,
  ok,
  performance,
  preAssess,
  PRE_ASSESSMENT_FIELDS,
  projectInput,
  PROPOSE_PROJECT,
  registerUnits,
  review,
  SUBMIT_DRAFT,
} from './walk';

type Platform = Pick<TestPlatform, 'gql'>;

/** A year in small: projects blocked and admitted, a pre-assessment, goals in several states. */
export async function seed(p: Platform) {
  const { bureau, school } = await registerUnits(p);
  const major = await ok(p, PROPOSE_PROJECT, { input: projectInput(school) }, officer(school));
  const minor = await ok(p, PROPOSE_PROJECT, { input: projectInput(bureau, { isMajor: false }) }, officer(bureau));
  await ok(p, PROPOSE_PROJECT, { input: projectInput(bureau) }, officer(bureau));
  const pa = await preAssess(p, major.id, [20, 18, 18, 17, 15], 'SUPPORT');
  await ok(
    p,
    `mutation($input: PublishRuleProfileInput!) { publishRuleProfile(input: $input) { passMark } }`,
    {
      input: {
        divisionCode: '429006',
        fiscalYear: 2025,
        name: '天门市 2025 年规则',
        reason: '市政府常务会议决定',
        passMark: 80,
      },
    },
    as('ADMIN', null, 'admin'),
  );
  let goal = await ok(p, SUBMIT_GOAL, { input: goalInput(major.id) }, officer(school));
  await review(p, goal.id, 'APPROVE', department(bureau));
  await jointReview(p, goal, 'RETURN');
  await review(p, goal.id, 'RETURN', performance);
  goal = await ok(p, SUBMIT_DRAFT, { input: { goalId: goal.id } }, officer(school));
  await review(p, goal.id, 'APPROVE', department(bureau));
  await jointReview(p, goal, 'APPROVE');
  await review(p, goal.id, 'APPROVE', performance);
  await ok(p, `mutation($input: AdmitProjectInput!) { admitProjectToLibrary(input: $input) { id } }`, {
    input: { projectId: major.id },
  });
  const minorGoal = await ok(p, SUBMIT_GOAL, { input: goalInput(minor.id) }, officer(bureau));
  return { goal: goal.id, minorGoal: minorGoal.id, pa: pa.id, bureau, school };
}

/** The queries of the issue, answered as a user sees them. */
export async function answers(p: Platform, ids: Awaited<ReturnType<typeof seed>>) {
  const q = (query: string, caller: Caller = performance) => p.gql(query, {}, caller).then((r) => r.data ?? r.errors);
  return {
    projects: await q(
      `{ projects { totalCount nodes { id code libraryStatus allocatedTotal libraryBlockers { condition } } } }`,
    ),
    blocked: await q(
      `{ projects(filter: { blockedOnly: true }) { totalCount nodes { id libraryBlockers { condition zh } } } }`,
    ),
    goals: await q(`{ goals { totalCount nodes { ${GOAL_FIELDS} } } }`),
    goal: await q(
      `{ goal(id: "${ids.goal}") { ${GOAL_FIELDS} reviews { round stage result comment reviewerRole reviewedAt eventId } } }`,
    ),
    approved: await q(`{ goals(filter: { status: APPROVED }) { totalCount nodes { id } } }`),
    queues: await Promise.all(
      [
        department(ids.bureau),
        performance,
        as('BUDGET_SECTION', null, 'wang.yu'),
        as('EXPERT', null, 'e9'),
        officer(ids.school),
      ].map((h) => q(`{ reviewQueue { totalCount nodes { id status } } }`, h)),
    ),
    preAssessment: await q(`{ preAssessment(id: "${ids.pa}") { ${PRE_ASSESSMENT_FIELDS} } }`),
    coverage: await q(`{ goalCoverage(fiscalYear: 2024) { unit { id } projects projectsWithApprovedGoal coverage } }`),
    statistics: await q(
      `{ reviewStatistics(fiscalYear: 2024) { goalsReviewed indicatorsReviewed reviewDecisions goalsApproved goalsReturned } }`,
    ),
    profile: await q(
      `{ ruleProfile(divisionCode: "429006", fiscalYear: 2025) { ref { profileId version } passMark } }`,
    ),
  };
}
