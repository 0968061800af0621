import {
  as,
  goalInput,
  JOINT_REVIEWERS,
  OPINION,
  projectInput,
  PROPOSE_PROJECT,
  REGISTER_UNIT,
  REVIEW,
  SUBMIT_GOAL,
  type Caller,
  type TestPlatform,
} from './platform';

/** Three units: A (first level), A1 (second level under A), B (first level, unrelated). */
export type UnitKey = 'A' | 'A1' | 'B';
export const UNIT_KEYS: readonly UnitKey[] = ['A', 'A1', 'B'];

type Goal = { id: string; status: string; indicators: { id: string; name: string }[] };

export interface Fixture {
  unitIds: Record<UnitKey, string>;
  /** One project per unit (continuing, not major: the gate asks only for an approved goal). */
  projectIds: Record<UnitKey, string>;
  /** One goal per unit, submitted by that unit's own officer. */
  goalIds: Record<UnitKey, string>;
  /** A library template and an exemplary sample goal (of unit A), shared by every probe. */
  templateId: string;
  sampleGoalId: string;
  /** Submits a fresh goal in the unit (as its officer): SUBMITTED in A1, FINANCE_REVIEW in A and B. */
  freshGoal(unit: UnitKey): Promise<Goal>;
  /** A project of the unit with no goal yet (a project has one annual goal a year). */
  freshProject(unit: UnitKey): Promise<string>;
  /** A complete goal left as a DRAFT. */
  draftGoal(unit: UnitKey): Promise<Goal>;
  /** A fresh goal brought to the joint finance review (the department passes A1's on). */
  goalInFinanceReview(unit: UnitKey): Promise<Goal>;
  /** …with every joint-review member's opinion given. */
  goalReadyToConclude(unit: UnitKey): Promise<Goal>;
  approvedGoal(unit: UnitKey): Promise<Goal>;
  issuedGoal(unit: UnitKey): Promise<Goal>;
  /** A fresh goal of the unit issued with its project's budget allocated: something new to publish (公开). */
  issuedWithBudget(unit: UnitKey): Promise<Goal>;
  /** Sees to it that the unit's 2024 goals are published (once per fixture). */
  publishedUnit(unit: UnitKey): Promise<void>;
  /** A fresh project whose goal is approved; `admit` also takes it into the library. */
  projectWithApprovedGoal(unit: UnitKey, admit?: boolean): Promise<string>;
  /** A pre-assessment of the unit's project; `scored` has every dimension scored by its assigned expert. */
  preAssessment(unit: UnitKey, scored?: boolean): Promise<string>;
}

/** The expert the fixture assigns; matrix callers are never assigned, so they see ASSIGNED rows only. */
export const FIXTURE_EXPERT_ID = 'fixture.expert';
const FIXTURE_EXPERT = as('EXPERT', null, FIXTURE_EXPERT_ID);
const performance = as('PERFORMANCE_SECTION', null, 'fixture.performance');

/** Runs an operation that must succeed, and returns its one root field. */
async function must(p: TestPlatform, query: string, variables: Record<string, unknown>, caller: Caller) {
  const result = await p.gql(query, variables, caller);
  if (result.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes vary per operation
  return Object.values(result.data ?? {})[0] as any;
}

const GOAL = `id status indicators { id name }`;
const DIMENSIONS = ['NECESSITY', 'ECONOMY', 'GOAL_REASONABLENESS', 'FEASIBILITY', 'FINANCING_COMPLIANCE'];

/** Registers the three units as ADMIN, a project and a goal in each. `codePrefix` keeps unit codes unique. */
export async function seedFixture(p: TestPlatform, codePrefix = '9'): Promise<Fixture> {
  const register = (suffix: string, name: string, level: string, parentId?: string) =>
    must(
      p,
      REGISTER_UNIT,
      { input: { code: `${codePrefix}${suffix}`, name, level, divisionCode: '429006', parentId } },
      as('ADMIN'),
    ).then((u) => u.id as string);
  const A = await register('01', '天门市教育局', 'FIRST');
  const A1 = await register('0101', '天门市实验小学', 'SECOND', A);
  const B = await register('02', '天门市交通运输局', 'FIRST');
  const unitIds = { A, A1, B };
  const officer = (unit: UnitKey) => as('BUDGET_UNIT', unitIds[unit]);
  const newProject = (unit: UnitKey) =>
    must(
      p,
      PROPOSE_PROJECT,
      { input: projectInput(unitIds[unit], { isNew: false, isMajor: false }) },
      officer(unit),
    ).then((r) => r.id as string);
  const projectIds = { A: await newProject('A'), A1: await newProject('A1'), B: await newProject('B') };

  // a project has one annual goal a year: every further goal gets a project of its own
  const submit = async (unit: UnitKey, projectId?: string): Promise<Goal> =>
    must(p, SUBMIT_GOAL, { input: goalInput(projectId ?? (await newProject(unit))) }, officer(unit));
  const goalInFinanceReview = async (unit: UnitKey, projectId?: string) => {
    const goal = await submit(unit, projectId);
    if (goal.status === 'SUBMITTED') {
      await must(p, REVIEW, { input: { goalId: goal.id, result: 'APPROVE' } }, as('DEPARTMENT', A));
    }
    return goal;
  };
  const goalReadyToConclude = async (unit: UnitKey, projectId?: string) => {
    const goal = await goalInFinanceReview(unit, projectId);
    for (const reviewer of JOINT_REVIEWERS) {
      await must(p, OPINION, { input: { goalId: goal.id, opinion: 'APPROVE' } }, reviewer);
    }
    return goal;
  };
  const approvedGoal = async (unit: UnitKey, projectId?: string) => {
    const goal = await goalReadyToConclude(unit, projectId);
    await must(p, REVIEW, { input: { goalId: goal.id, result: 'APPROVE' } }, performance);
    return goal;
  };
  const issuedGoal = async (unit: UnitKey) => {
    const goal = await approvedGoal(unit);
    await must(
      p,
      `mutation($input: IssueGoalInput!) { issueGoal(input: $input) { id } }`,
      { input: { goalId: goal.id, budgetDocument: '天财预〔2024〕1号', issuedAmount: '5000000.00' } },
      performance,
    );
    return goal;
  };

  const admit = (projectId: string) =>
    must(
      p,
      `mutation($input: AdmitProjectInput!) { admitProjectToLibrary(input: $input) { id } }`,
      { input: { projectId } },
      performance,
    );
  const issuedWithBudget = async (unit: UnitKey) => {
    const projectId = await newProject(unit);
    const goal = await approvedGoal(unit, projectId);
    await admit(projectId);
    await must(
      p,
      `mutation($input: AllocateBudgetInput!) { allocateBudget(input: $input) { id } }`,
      { input: { projectId, amount: '4800000.00', budgetDocument: '天财预〔2024〕2号' } },
      as('BUDGET_SECTION', null, 'fixture.budget'),
    );
    await must(
      p,
      `mutation($input: IssueGoalInput!) { issueGoal(input: $input) { id } }`,
      { input: { goalId: goal.id, budgetDocument: '天财预〔2024〕2号', issuedAmount: '4800000.00' } },
      performance,
    );
    return goal;
  };
  const publications = new Map<UnitKey, Promise<void>>();
  const publishedUnit = (unit: UnitKey) => {
    const once = async () => {
      await issuedWithBudget(unit);
      await must(
        p,
        `mutation($input: PublishGoalsInput!) { publishGoals(input: $input) { publication } }`,
        { input: { unitId: unitIds[unit], fiscalYear: 2024, reason: '补充公开新下达的目标' } },
        performance,
      );
    };
    if (!publications.has(unit)) publications.set(unit, once());
    return publications.get(unit)!;
  };

  const templateId = await must(
    p,
    `mutation($input: AddIndicatorTemplateInput!) { addIndicatorTemplate(input: $input) { id } }`,
    {
      input: {
        scope: 'COMMON',
        level1: 'OUTPUT',
        level2: 'TIMELINESS',
        name: '项目按期完成率',
        operator: 'GTE',
        unit: '%',
      },
    },
    performance,
  ).then((t) => t.id as string);
  const sample = await approvedGoal('A');
  await must(
    p,
    `mutation($input: MarkGoalExemplaryInput!) { markGoalExemplary(input: $input) { id } }`,
    { input: { goalId: sample.id, reason: '指标量化充分' } },
    performance,
  );

  const goalIds = {} as Record<UnitKey, string>;
  for (const unit of UNIT_KEYS) goalIds[unit] = (await submit(unit, projectIds[unit])).id;
  return {
    unitIds,
    projectIds,
    goalIds,
    templateId,
    sampleGoalId: sample.id,
    freshGoal: (unit) => submit(unit),
    freshProject: (unit) => newProject(unit),
    draftGoal: async (unit) =>
      must(
        p,
        `mutation($input: DraftGoalInput!) { draftGoal(input: $input) { ${GOAL} } }`,
        { input: goalInput(await newProject(unit)) },
        officer(unit),
      ),
    goalInFinanceReview: (unit) => goalInFinanceReview(unit),
    goalReadyToConclude: (unit) => goalReadyToConclude(unit),
    approvedGoal: (unit) => approvedGoal(unit),
    issuedGoal,
    issuedWithBudget,
    publishedUnit,
    async projectWithApprovedGoal(unit, withAdmission = false) {
      const projectId = await newProject(unit);
      await approvedGoal(unit, projectId);
      if (withAdmission) await admit(projectId);
      return projectId;
    },
    async preAssessment(unit, scored = false) {
      const opened = await must(
        p,
        `mutation($input: OpenPreAssessmentInput!) { openPreAssessment(input: $input) { id } }`,
        { input: { projectId: projectIds[unit], scorerIds: [FIXTURE_EXPERT_ID] } },
        performance,
      );
      for (const dimension of scored ? DIMENSIONS : []) {
        await must(
          p,
          `mutation($input: GiveScoreInput!) { giveScore(input: $input) { id } }`,
          { input: { preAssessmentId: opened.id, dimension, points: 18, reason: '依据申报材料' } },
          FIXTURE_EXPERT,
        );
      }
      return opened.id as string;
    },
  };
}

/** Runs the request and checks that the store did not change; returns the request's answer. */
export async function expectNoWrite<T>(p: Pick<TestPlatform, 'allEvents'>, request: () => Promise<T>): Promise<T> {
  const before = await p.allEvents();
  const result = await request();
  expect(await p.allEvents()).toEqual(before);
  return result;
}
