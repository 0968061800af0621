import { testing } from '@jixiao/infra';
import { as, startTestPlatform } from './support/platform';

const GOALS = 200;
const HISTORIES = `{ goals(page: { first: ${GOALS} }) { nodes { id history { streamVersion } } } }`;
/** A budget a minute that two requests reading 200 histories each (201 points apiece) fit into, three do not. */
const RATE_PER_MINUTE = 450;

/** Reading event histories through the gateway: recorded once per request, and paid for by what it reads. */
describe('sensitive reads through the gateway', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    p = await startTestPlatform({ ratePerMinute: RATE_PER_MINUTE });
    await p.store.appendBatch(
      Array.from({ length: GOALS }, (_, i) => `rd${String(i).padStart(3, '0')}`).map((id) => ({
        streamId: `goal-${id}`,
        expectedVersion: 0,
        events: [testing.goalSubmitted(id)],
        metadata: { actorId: 'seed', role: 'ADMIN', correlationId: 'seed' },
      })),
    );
    // the in-process projection catches up on its own; ask until the list shows every goal
    const watcher = as('AUDITOR', null, 'seed.watcher');
    for (;;) {
      const { data, errors } = await p.gql('{ goals { totalCount } }', {}, watcher);
      if (errors) throw new Error(JSON.stringify(errors));
      if (data?.goals.totalCount === GOALS) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(async () => p.dispose());

  it('records one request reading 200 goals’ histories as exactly one access event', async () => {
    const answer = await p.gql(HISTORIES, {}, as('AUDITOR', null, 'zhao.audit'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.goals.nodes).toHaveLength(GOALS);
    const access = await p.store.readStream('access-zhao.audit');
    expect(access).toHaveLength(1);
    const { reads } = access[0]!.data as { reads: { streamId: string; eventCount: number }[] };
    expect(reads.map((r) => r.streamId).sort()).toEqual(
      (answer.data!.goals.nodes as { id: string }[]).map((g) => `goal-${g.id}`).sort(),
    );
    expect(reads.every((r) => r.eventCount === 1)).toBe(true);
  });

  it('spends the reader’s rate budget by histories read, not by requests', async () => {
    const reader = as('AUDITOR', null, 'qian.audit');
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await p.gql(HISTORIES, {}, reader));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(answers[2]!.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    expect(answers[2]!.errors?.[0]?.message).toMatch(/请求过于频繁.*Too many requests/);
    // the refused request read nothing, so nothing was recorded for it
    expect(await p.store.readStream('access-qian.audit')).toHaveLength(2);
    // a cheap request of another reader is not held back by the first one's spending
    expect((await p.gql('{ goals { totalCount } }', {}, as('AUDITOR', null, 'sun.audit'))).status).toBe(200);
  });
});
