/* Runs inside jest: the walk helpers use `expect`. */
import { as, SUBMIT_GOAL, type Caller, type TestPlatform } from './platform';
import {
  admin,
  budgetSection,
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

/**
 * Disclosure (公开) beside the year: a transport bureau's goal issued with its budget and published
 * twice (the second after an adjustment), and a second goal issued later and left unpublished.
 */
export async function publishSome(p: Platform) {
  const unit = await ok(
    p,
    `mutation($input: RegisterBudgetUnitInput!) { registerBudgetUnit(input: $input) { id } }`,
    { input: { code: '102001', name: '天门市交通运输局', level: 'FIRST', divisionCode: '429006' } },
    admin,
  );
  const issue = async (name: string) => {
    const project = await ok(
      p,
      PROPOSE_PROJECT,
      { input: projectInput(unit.id, { isNew: false, isMajor: false, name }) },
      officer(unit.id),
    );
    const goal = await ok(p, SUBMIT_GOAL, { input: goalInput(project.id) }, officer(unit.id));
    await jointReview(p, goal, 'APPROVE');
    await review(p, goal.id, 'APPROVE', performance);
    await ok(p, `mutation($input: AdmitProjectInput!) { admitProjectToLibrary(input: $input) { id } }`, {
      input: { projectId: project.id },
    });
    await ok(
      p,
      `mutation($input: AllocateBudgetInput!) { allocateBudget(input: $input) { id } }`,
      { input: { projectId: project.id, amount: '3000000.00', budgetDocument: '天财预〔2024〕9号' } },
      budgetSection,
    );
    await ok(p, `mutation($input: IssueGoalInput!) { issueGoal(input: $input) { id } }`, {
      input: { goalId: goal.id, budgetDocument: '天财预〔2024〕9号', issuedAmount: '3000000.00' },
    });
    return goal.id as string;
  };
  const publish = (reason?: string) =>
    ok(p, `mutation($input: PublishGoalsInput!) { publishGoals(input: $input) { publication } }`, {
      input: { unitId: unit.id, fiscalYear: 2024, reason },
    });
  const goal = await issue('农村公路提档升级');
  await publish();
  await ok(p, `mutation($input: AdjustGoalInput!) { adjustGoal(input: $input) { id } }`, {
    input: {
      goalId: goal,
      budgetAdjustmentRef: '天财预调〔2024〕2号',
      reason: '年中预算调整',
      amount: '2700000.00',
      indicators: goalInput('').indicators,
    },
  });
  await publish('目标随预算调整');
  await issue('公路养护');
  return { unit: unit.id as string };
}

/** What anyone reads of the published goals, without a token. */
export async function publicAnswers(p: Platform) {
  const q = (query: string) => p.gql(query, {}, { token: null }).then((r) => r.data ?? r.errors);
  return {
    goals: await q(`{ publishedGoals(fiscalYear: 2024) { totalCount nodes { goalId unitName projectName amount
      goalVersion contentHash publication publishedAt indicators { name target } } } }`),
    unitYears: await q(
      `{ publishedUnitYears { unitId unitName publication goalCount totalAmount firstPublishedAt publishedAt } }`,
    ),
  };
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
