import { seedFixture } from './support/fixture';
import { as, startTestPlatform } from './support/platform';

const REVIEW = 'mutation($input: ReviewGoalInput!) { reviewGoal(input: $input) { status } }';
const HISTORY = 'query($id: ID!) { goal(id: $id) { history { type } } }';

/** The embedded platform runs planning's reaction and the deadline scheduler in its own process. */
describe('a goal returned through the gateway: its resubmission day, then overdue (embedded platform, a fake clock)', () => {
  let clock = new Date('2026-01-01T00:00:00.000Z');
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  let fixture: Awaited<ReturnType<typeof seedFixture>>;
  beforeAll(async () => {
    p = await startTestPlatform({ clock: () => clock });
    fixture = await seedFixture(p);
  });
  afterAll(() => p.dispose());

  it('the return sets the day in the audit trail as caused by it; past the day one overdue event; the goal stream untouched', async () => {
    const goal = await fixture.goalReadyToConclude('A');
    const returned = await p.gql(
      REVIEW,
      { input: { goalId: goal.id, result: 'RETURN', comment: '满意度指标目标值偏低，请补充依据' } },
      as('PERFORMANCE_SECTION', null, 'e2e.performance'),
    );
    expect(returned.data?.reviewGoal).toEqual({ status: 'RETURNED' });
    expect(await p.caughtUp(10_000)).toBe(true);
    const stream = `goalresubmission-${goal.id}`;
    const [set, ...rest] = await p.store.readStream(stream);
    expect(rest).toEqual([]);
    const returnEvent = (await p.store.readStream(`goal-${goal.id}`)).at(-1)!;
    expect(returnEvent.type).toBe('GoalReviewed');
    expect(set).toMatchObject({
      type: 'GoalResubmissionDeadlineSet',
      data: { goalId: goal.id, deadlineId: returnEvent.eventId, days: 15 },
      metadata: { causationId: returnEvent.eventId, correlationId: returnEvent.metadata.correlationId, role: 'SYSTEM' },
    });

    const dueDate = (set!.data as { dueDate: string }).dueDate;
    clock = new Date(`${dueDate}T16:00:00.000Z`); // midnight after the day, China time
    for (let i = 0; i < 100 && (await p.store.readStream(stream)).length < 2; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect((await p.store.readStream(stream)).map((e) => e.type)).toEqual([
      'GoalResubmissionDeadlineSet',
      'GoalResubmissionOverdue',
    ]);
    const history = await p.gql(HISTORY, { id: goal.id }, as('AUDITOR'));
    expect(history.data?.goal.history.at(-1)).toEqual({ type: 'GoalReviewed' });
  });

  it('takes the period from the rule profile the division publishes for the year', async () => {
    const published = await p.gql(
      'mutation($input: PublishRuleProfileInput!) { publishRuleProfile(input: $input) { goalResubmissionDays } }',
      {
        input: {
          divisionCode: '429006',
          fiscalYear: 2024,
          name: '天门市 2024 年规则',
          reason: '缩短退回修改期限',
          goalResubmissionDays: 7,
        },
      },
      as('ADMIN'),
    );
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishRuleProfile).toEqual({ goalResubmissionDays: 7 });
    const goal = await fixture.goalReadyToConclude('B');
    await p.gql(
      REVIEW,
      { input: { goalId: goal.id, result: 'RETURN', comment: '请补充成本指标' } },
      as('PERFORMANCE_SECTION', null, 'e2e.performance'),
    );
    expect(await p.caughtUp(10_000)).toBe(true);
    const returnEvent = (await p.store.readStream(`goal-${goal.id}`)).at(-1)!;
    const [set] = await p.store.readStream(`goalresubmission-${goal.id}`);
    const returnDay = new Date(new Date(returnEvent.recordedAt).getTime() + 8 * 3600_000);
    returnDay.setUTCDate(returnDay.getUTCDate() + 7);
    expect(set?.data).toMatchObject({ days: 7, dueDate: returnDay.toISOString().slice(0, 10) });
  });
});
