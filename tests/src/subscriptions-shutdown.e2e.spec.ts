import { seedFixture } from './support/fixture';
import { startTestPlatform } from './support/platform';
import { subscribeLive } from './support/subscribe';

const GOAL_CHANGED = 'subscription($goalId: ID!) { goalStateChanged(goalId: $goalId) { id status } }';

describe('shutting down with subscriptions open', () => {
  it('closes the platform while a WebSocket and an SSE subscription are still open, and ends them', async () => {
    const p = await startTestPlatform();
    const f = await seedFixture(p);
    const token = await p.mint({ role: 'BUDGET_UNIT', unitId: f.unitIds.A });
    const ws = await subscribeLive(p, token, GOAL_CHANGED, { goalId: f.goalIds.A });
    const before = p.liveListeners('planning.goals');
    const sse = await fetch(p.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: GOAL_CHANGED, variables: { goalId: f.goalIds.A } }),
    });
    while (p.liveListeners('planning.goals') <= before) await new Promise((r) => setTimeout(r, 10));
    const sseEnded = sse.body!.pipeTo(new WritableStream()).then(
      () => 'ended',
      () => 'ended',
    );

    const started = Date.now();
    await p.dispose();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await sseEnded).toBe('ended');
    // the WebSocket subscription ends too: with an error message, or completed
    const last = await ws.next(2000).catch(() => null);
    expect(last === null ? ws.completed : Boolean(last.errors)).toBe(true);
    await ws.close();
  });
});
