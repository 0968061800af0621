import {
  as,
  goalInput,
  projectInput,
  PROPOSE_PROJECT,
  REGISTER_UNIT,
  startTestPlatform,
  SUBMIT_GOAL,
} from './support/platform';

const admin = as('ADMIN', null, 'wang.admin');
const DRAFT = `mutation($input: DraftGoalInput!) { draftGoal(input: $input) { id status } }`;
const GOALS = `query($projectId: ID!) { goals(filter: { projectId: $projectId }) { totalCount nodes { id term } } }`;

describe('a project has one annual goal per fiscal year and one medium-term goal (embedded platform)', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  let officer: ReturnType<typeof as>;
  let unitId: string;
  beforeAll(async () => {
    p = await startTestPlatform();
    const unit = await p.gql(
      REGISTER_UNIT,
      { input: { code: '101009', name: '天门市交通运输局', level: 'FIRST', divisionCode: '429006' } },
      admin,
    );
    unitId = unit.data!.registerBudgetUnit.id;
    officer = as('BUDGET_UNIT', unitId, 'zhang.wei');
  });
  afterAll(async () => p.dispose());

  const propose = async () =>
    (await p.gql(PROPOSE_PROJECT, { input: projectInput(unitId, { category: 'CONTINUING', years: 3 }) }, officer)).data!
      .proposeProject.id as string;

  it('refuses a second annual goal, naming the one on record, and writes nothing', async () => {
    const projectId = await propose();
    const first = await p.gql(DRAFT, { input: goalInput(projectId, { indicators: [] }) }, officer);
    expect(first.errors).toBeUndefined();
    const firstId = first.data!.draftGoal.id;
    const eventsBefore = (await p.store.readAll()).length;

    for (const [query, input] of [
      [DRAFT, goalInput(projectId, { indicators: [] })],
      [SUBMIT_GOAL, goalInput(projectId)],
    ] as const) {
      const second = await p.gql(query, { input }, officer);
      expect(second.errors?.[0]?.extensions?.code).toBe('ILLEGAL_STATE');
      expect(second.errors?.[0]?.message).toContain(`2024 年度的年度目标（目标 ${firstId}）`);
      expect(second.errors?.[0]?.extensions?.messageEn).toContain(`an annual goal for 2024 (goal ${firstId})`);
    }
    expect((await p.store.readAll()).length).toBe(eventsBefore);

    // the medium-term goal is a goal of its own term: one is accepted, a second is not
    const medium = await p.gql(
      DRAFT,
      { input: goalInput(projectId, { term: 'MEDIUM_TERM', indicators: [] }) },
      officer,
    );
    expect(medium.errors).toBeUndefined();
    const again = await p.gql(DRAFT, { input: goalInput(projectId, { term: 'MEDIUM_TERM', indicators: [] }) }, officer);
    expect(again.errors?.[0]?.message).toContain(`已有中期目标（目标 ${medium.data!.draftGoal.id}）`);
    const goals = (await p.gql(GOALS, { projectId }, officer)).data!.goals;
    expect(goals.totalCount).toBe(2);
    expect(goals.nodes.map((g: { term: string }) => g.term).sort()).toEqual(['ANNUAL', 'MEDIUM_TERM']);
  });

  it('lets exactly one of two racing first drafts through', async () => {
    const projectId = await propose();
    const answers = await Promise.all(
      [1, 2, 3].map(() => p.gql(DRAFT, { input: goalInput(projectId, { indicators: [] }) }, officer)),
    );
    const accepted = answers.filter((a) => !a.errors);
    expect(accepted).toHaveLength(1);
    for (const refused of answers.filter((a) => a.errors)) {
      expect(['ILLEGAL_STATE', 'CONFLICT']).toContain(refused.errors![0]!.extensions!.code);
    }
    expect((await p.gql(GOALS, { projectId }, officer)).data!.goals.totalCount).toBe(1);
  });
});
