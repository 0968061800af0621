import { seedFixture, type Fixture } from './support/fixture';
import { as, REVIEW, startTestPlatform } from './support/platform';
import type { Role } from '@jixiao/service-kit';
import { subscribeLive, subscribeWs, type LiveSubscription } from './support/subscribe';

const GOAL_CHANGED = `subscription($goalId: ID!) {
  goalStateChanged(goalId: $goalId) { id status statusLabel version unit { id name } }
}`;
const QUEUE_CHANGED = `subscription {
  myReviewQueueChanged { goalId inQueue totalCount goal { id status } }
}`;
const SUBMIT_DRAFT = `mutation($input: SubmitDraftInput!) { submitDraft(input: $input) { id status } }`;

type GoalChanged = { goalStateChanged: { id: string; status: string; version: number; unit: { name: string } } };
type QueueChanged = {
  myReviewQueueChanged: { goalId: string; inQueue: boolean; totalCount: number; goal: { status: string } | null };
};

describe('subscriptions through the gateway (graphql-ws), embedded mode', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  let f: Fixture;
  const open: LiveSubscription<unknown>[] = [];
  const subscribe = async <T>(
    [role, unitId]: [Role, string | null],
    query: string,
    variables?: Record<string, unknown>,
  ) => {
    const live = await subscribeLive<T>(p, await p.mint({ role, unitId }), query, variables);
    open.push(live as LiveSubscription<unknown>);
    return live;
  };
  beforeAll(async () => {
    p = await startTestPlatform();
    f = await seedFixture(p);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(async () => p.dispose());

  it('delivers the goal’s new state, read after the change, when its unit submits the draft', async () => {
    const draft = await f.draftGoal('A1');
    const live = await subscribe<GoalChanged>(['BUDGET_UNIT', f.unitIds.A1], GOAL_CHANGED, { goalId: draft.id });
    expect(await live.silentFor(300)).toBe(true);

    const submitted = await p.gql(SUBMIT_DRAFT, { input: { goalId: draft.id } }, as('BUDGET_UNIT', f.unitIds.A1));
    expect(submitted.errors).toBeUndefined();

    const message = await live.next();
    expect(message.errors).toBeUndefined();
    // the unit's name comes from the directory subgraph: the gateway resolved the entity for the event
    expect(message.data!.goalStateChanged).toMatchObject({
      id: draft.id,
      status: 'SUBMITTED',
      unit: { name: '天门市实验小学' },
    });
    expect(message.data!.goalStateChanged.version).toBe(2);
  });

  it('tells a department when a subordinate unit’s goal enters its review queue, and when it leaves', async () => {
    const live = await subscribe<QueueChanged>(['DEPARTMENT', f.unitIds.A], QUEUE_CHANGED);
    const before = await p.gql<{ reviewQueue: { totalCount: number } }>(
      '{ reviewQueue { totalCount } }',
      undefined,
      as('DEPARTMENT', f.unitIds.A),
    );

    const goal = await f.freshGoal('A1');
    const entered = await live.next();
    expect(entered.data!.myReviewQueueChanged).toEqual({
      goalId: goal.id,
      inQueue: true,
      totalCount: before.data!.reviewQueue.totalCount + 1,
      goal: { id: goal.id, status: 'SUBMITTED' },
    });

    await p.gql(REVIEW, { input: { goalId: goal.id, result: 'APPROVE' } }, as('DEPARTMENT', f.unitIds.A));
    const left = await live.next();
    expect(left.data!.myReviewQueueChanged).toEqual({
      goalId: goal.id,
      inQueue: false,
      totalCount: before.data!.reviewQueue.totalCount,
      goal: null,
    });
  });

  it('stays silent for a department when another unit’s goal changes', async () => {
    const live = await subscribe<QueueChanged>(['DEPARTMENT', f.unitIds.A], QUEUE_CHANGED);
    await f.freshGoal('B');
    expect(await live.silentFor(1000)).toBe(true);
  });

  it('refuses a goal outside the caller’s scope as not found, in Chinese', async () => {
    const live = await subscribe<GoalChanged>(['BUDGET_UNIT', f.unitIds.B], GOAL_CHANGED, { goalId: f.goalIds.A1 });
    const refused = await live.next();
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      messageZh: `绩效目标 ${f.goalIds.A1} 不存在`,
    });
  });

  it('refuses a role the policy leaves out, naming the operation', async () => {
    const live = await subscribe<QueueChanged>(['PERSONNEL', null], QUEUE_CHANGED);
    const refused = await live.next();
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      messageZh: '角色「组织人事部门」无权执行 Subscription.myReviewQueueChanged',
    });
  });

  it('refuses a subscription without a token, or with a bad one, as UNAUTHENTICATED', async () => {
    for (const token of [null, 'not-a-jwt']) {
      const live = await subscribeWs<GoalChanged>(p.wsUrl, token, GOAL_CHANGED, { goalId: f.goalIds.A });
      open.push(live as LiveSubscription<unknown>);
      const refused = await live.next();
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(refused.errors?.[0]?.extensions?.['messageZh']).toMatch(/访问令牌/);
    }
  });

  it('ends a subscription when its token expires, with UNAUTHENTICATED 访问令牌已过期', async () => {
    const token = await p.mint({ role: 'BUDGET_UNIT', unitId: f.unitIds.A }, { expiresIn: '3s' });
    const listening = p.liveListeners('planning.goals');
    const live = await subscribeLive<GoalChanged>(p, token, GOAL_CHANGED, { goalId: f.goalIds.A });
    open.push(live as LiveSubscription<unknown>);
    const ended = await live.next(8_000);
    expect(ended.data ?? null).toBeNull();
    expect(ended.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      messageZh: '访问令牌已过期，请重新获取',
    });
    const until = Date.now() + 5_000;
    while (!live.completed && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(live.completed).toBe(true);
    // the planning service dropped its listener too
    const gone = Date.now() + 5_000;
    while (p.liveListeners('planning.goals') > listening && Date.now() < gone)
      await new Promise((r) => setTimeout(r, 20));
    expect(p.liveListeners('planning.goals')).toBe(listening);
  });

  it('refuses a WebSocket to a subgraph that does not carry the gateway’s assertion', async () => {
    const direct = subscribeWs(p.subgraphUrls['planning']!.replace('http', 'ws'), null, GOAL_CHANGED, {
      goalId: f.goalIds.A,
    });
    await expect(direct).rejects.toThrow(/4403/);
  });

  it('serves the same subscription over SSE (GraphQL over HTTP with text/event-stream), token in the header', async () => {
    const draft = await f.draftGoal('A');
    const before = p.liveListeners('planning.goals');
    const abort = new AbortController();
    const response = await fetch(p.url, {
      method: 'POST',
      signal: abort.signal,
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${await p.mint({ role: 'BUDGET_UNIT', unitId: f.unitIds.A })}`,
      },
      body: JSON.stringify({ query: GOAL_CHANGED, variables: { goalId: draft.id } }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    while (p.liveListeners('planning.goals') <= before) await new Promise((r) => setTimeout(r, 10));

    await p.gql(SUBMIT_DRAFT, { input: { goalId: draft.id } }, as('BUDGET_UNIT', f.unitIds.A));
    const reader = response.body!.getReader();
    let text = '';
    while (!/event: next\ndata: .*\n/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    abort.abort();
    const data = JSON.parse(/event: next\ndata: (.*)\n/.exec(text)![1]!) as { data: GoalChanged };
    expect(data.data.goalStateChanged).toMatchObject({ id: draft.id, status: 'FINANCE_REVIEW' });
  });

  it('refuses an SSE subscription without a token with HTTP 401, as any request', async () => {
    const response = await fetch(p.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: GOAL_CHANGED, variables: { goalId: f.goalIds.A } }),
    });
    const text = await response.text();
    expect(response.status).toBe(401);
    expect(text).toContain('UNAUTHENTICATED');
  });
});
