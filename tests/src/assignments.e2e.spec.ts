import { as, startTestPlatform, type Caller } from './support/platform';
import { expectNoWrite, FIXTURE_EXPERT_ID, seedFixture, type Fixture } from './support/fixture';

/**
 * Scopes beyond budget units: an expert reaches exactly the pre-assessments assigned to them, and
 * the assignments are events (granted on opening or later, revoked) that the row-scope port reads.
 */
const PA = `id status scorerIds scores { scorerId dimension points }`;
const READ = `query($id: ID!) { preAssessment(id: $id) { ${PA} } }`;
const OF_PROJECT = `query($id: ID!) { preAssessmentsOfProject(projectId: $id) { id } }`;
const SCORE = `mutation($input: GiveScoreInput!) { giveScore(input: $input) { ${PA} } }`;
const ASSIGN = `mutation($input: PreAssessmentScorerInput!) { assignPreAssessmentScorer(input: $input) { ${PA} } }`;
const REVOKE = `mutation($input: PreAssessmentScorerInput!) { revokePreAssessmentScorer(input: $input) { ${PA} } }`;
const ASSIGNMENTS = `query($userId: ID, $kind: AssignmentKind) { assignments(userId: $userId, kind: $kind) { kind subjectId assigneeUserId reason grantedBy } }`;

const performance = as('PERFORMANCE_SECTION', null, 'li.na');
const assignedExpert = as('EXPERT', null, FIXTURE_EXPERT_ID);
const otherExpert = as('EXPERT', null, 'expert.zhao');
const score = (preAssessmentId: string, dimension = 'NECESSITY') => ({
  input: { preAssessmentId, dimension, points: 18, reason: '立项依据充分' },
});

describe('assignments: who reaches which pre-assessment', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  let f: Fixture;
  let id: string;
  beforeAll(async () => {
    p = await startTestPlatform();
    f = await seedFixture(p);
    id = await f.preAssessment('B');
  });
  afterAll(async () => p.dispose());

  const codes = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    r.errors?.map((e) => e.extensions?.code);

  it('records the scorers named at opening as assignments, in the pre-assessment’s assignment stream', async () => {
    const events = (await p.allEvents()).filter((e) => e.streamId === `assignment-pre_assessment-${id}`);
    expect(events.map((e) => [e.type, (e.data as { assigneeUserId: string }).assigneeUserId])).toEqual([
      ['AssignmentGranted', FIXTURE_EXPERT_ID],
    ]);
    expect(events[0]!.metadata.actorId).toBe('fixture.performance');
    const mine = await p.gql(ASSIGNMENTS, {}, assignedExpert);
    expect(mine.data!.assignments).toContainEqual(
      expect.objectContaining({ kind: 'PRE_ASSESSMENT', subjectId: id, assigneeUserId: FIXTURE_EXPERT_ID }),
    );
  });

  it('lets the assigned expert read and score it', async () => {
    const read = await p.gql(READ, { id }, assignedExpert);
    expect(read.errors).toBeUndefined();
    expect(read.data!.preAssessment.scorerIds).toEqual([FIXTURE_EXPERT_ID]);
    const listed = await p.gql(OF_PROJECT, { id: f.projectIds.B }, assignedExpert);
    expect(listed.data!.preAssessmentsOfProject.map((x: { id: string }) => x.id)).toContain(id);
    const scored = await p.gql(SCORE, score(id), assignedExpert);
    expect(scored.errors).toBeUndefined();
    expect(scored.data!.giveScore.scores).toEqual([
      { scorerId: FIXTURE_EXPERT_ID, dimension: 'NECESSITY', points: 18 },
    ]);
  });

  it('tells an unassigned expert "not found or not in your scope" and writes nothing', async () => {
    const read = await p.gql(READ, { id }, otherExpert);
    expect(codes(read)).toEqual(['NOT_FOUND']);
    const listed = await p.gql(OF_PROJECT, { id: f.projectIds.B }, otherExpert);
    expect(listed.data!.preAssessmentsOfProject).toEqual([]);
    const refused = await expectNoWrite(p, () => p.gql(SCORE, score(id, 'ECONOMY'), otherExpert));
    expect(codes(refused)).toEqual(['NOT_FOUND']);
    // the same answer as for a pre-assessment that does not exist
    const missing = await p.gql(SCORE, score('no-such-pre-assessment'), otherExpert);
    expect(refused.errors![0]!.message).toMatch(/不存在或不在您的权限范围内.*not found or is not in your scope/);
    const words = (r: typeof refused, subject: string) => r.errors![0]!.message.replaceAll(subject, 'X');
    expect(words(refused, id)).toBe(words(missing, 'no-such-pre-assessment'));
  });

  it('lets the performance section assign another expert, who then reads and scores it', async () => {
    const assigned = await p.gql(
      ASSIGN,
      { input: { preAssessmentId: id, userId: 'expert.zhao', reason: '增派财务专家' } },
      performance,
    );
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!.assignPreAssessmentScorer.scorerIds).toEqual([FIXTURE_EXPERT_ID, 'expert.zhao']);
    const scored = await p.gql(SCORE, score(id, 'ECONOMY'), otherExpert);
    expect(scored.errors).toBeUndefined();
    const again = await expectNoWrite(p, () =>
      p.gql(ASSIGN, { input: { preAssessmentId: id, userId: 'expert.zhao', reason: '重复' } }, performance),
    );
    expect(codes(again)).toEqual(['ILLEGAL_STATE']);
    expect(again.errors![0]!.message).toMatch(/已被指派/);
  });

  it('takes effect at once when revoked: the expert no longer reads or scores it, and their score stays', async () => {
    const revoked = await p.gql(
      REVOKE,
      { input: { preAssessmentId: id, userId: 'expert.zhao', reason: '回避' } },
      performance,
    );
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokePreAssessmentScorer.scorerIds).toEqual([FIXTURE_EXPERT_ID]);
    expect(revoked.data!.revokePreAssessmentScorer.scores.map((s: { scorerId: string }) => s.scorerId)).toContain(
      'expert.zhao',
    );
    expect(codes(await p.gql(READ, { id }, otherExpert))).toEqual(['NOT_FOUND']);
    const refused = await expectNoWrite(p, () => p.gql(SCORE, score(id, 'FEASIBILITY'), otherExpert));
    expect(codes(refused)).toEqual(['NOT_FOUND']);
    expect((await p.gql(ASSIGNMENTS, { kind: 'PRE_ASSESSMENT' }, otherExpert)).data!.assignments).toEqual([]);
    const stream = (await p.allEvents()).filter((e) => e.streamId === `assignment-pre_assessment-${id}`);
    expect(stream.map((e) => e.type)).toEqual(['AssignmentGranted', 'AssignmentGranted', 'AssignmentRevoked']);
  });

  it('refuses to revoke someone not assigned, and to assign on a concluded pre-assessment, writing nothing', async () => {
    const notAssigned = await expectNoWrite(p, () =>
      p.gql(REVOKE, { input: { preAssessmentId: id, userId: 'expert.nobody', reason: '误操作' } }, performance),
    );
    expect(codes(notAssigned)).toEqual(['ILLEGAL_STATE']);
    const concluded = await f.preAssessment('A', true);
    await p.gql(
      `mutation($input: ConcludePreAssessmentInput!) { concludePreAssessment(input: $input) { id } }`,
      { input: { preAssessmentId: concluded, conclusion: 'SUPPORT', report: '建议支持' } },
      performance,
    );
    const late = await expectNoWrite(p, () =>
      p.gql(ASSIGN, { input: { preAssessmentId: concluded, userId: 'expert.zhao', reason: '补派' } }, performance),
    );
    expect(codes(late)).toEqual(['ILLEGAL_STATE']);
    expect(late.errors![0]!.message).toMatch(/已出具结论/);
  });

  it('lets only the performance section assign or revoke, and shows another user’s assignments only to the bureau and auditors', async () => {
    const callers: Caller[] = [assignedExpert, as('BUDGET_SECTION'), as('ADMIN'), as('BUDGET_UNIT', f.unitIds.B)];
    for (const caller of callers) {
      const r = await expectNoWrite(p, () =>
        p.gql(ASSIGN, { input: { preAssessmentId: id, userId: 'expert.qian', reason: '自荐' } }, caller),
      );
      expect(codes(r)).toEqual(['FORBIDDEN']);
    }
    const ofExpert = { userId: FIXTURE_EXPERT_ID, kind: 'PRE_ASSESSMENT' };
    const auditorSees = await p.gql(ASSIGNMENTS, ofExpert, as('AUDITOR'));
    expect(auditorSees.data!.assignments.map((a: { subjectId: string }) => a.subjectId)).toContain(id);
    expect((await p.gql(ASSIGNMENTS, ofExpert, otherExpert)).data!.assignments).toEqual([]);
    expect(codes(await p.gql(ASSIGNMENTS, ofExpert, as('BUDGET_UNIT', f.unitIds.B)))).toEqual(['FORBIDDEN']);
  });
});
