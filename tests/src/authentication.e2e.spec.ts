import { generateKeyPairSync } from 'node:crypto';
import { ASSERTION_HEADER, mintToken, signAssertion } from '@jixiao/service-kit';
import {
  as,
  goalInput,
  REGISTER_UNIT,
  startTestPlatform,
  SUBMIT_GOAL,
  projectInput,
  PROPOSE_PROJECT,
} from './support/platform';

const newUnit = (code: string) => ({ input: { code, name: '天门市审计局', level: 'FIRST', divisionCode: '429006' } });

/** Who may call at all: only a verified token, only through the gateway; the actor comes from the token. */
describe('authentication through the gateway', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => p.dispose());

  /** Sends an ADMIN mutation with `token`; expects 401 UNAUTHENTICATED with `reason`, and no event written. */
  async function refusedWith(token: string | null, reason: string) {
    const before = await p.allEvents();
    const result = await p.gql(REGISTER_UNIT, newUnit('700001'), { token });
    expect(await p.allEvents()).toEqual(before);
    expect(result.status).toBe(401);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
    expect(result.errors?.[0]?.extensions?.messageZh).toMatch(/令牌/);
    expect(result.errors?.[0]?.extensions?.messageEn).toMatch(/token/i);
    expect(result.raw).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+/);
  }

  it('refuses a request without a token', () => refusedWith(null, 'MISSING'));

  it('refuses a token signed with another key', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = await mintToken(
      privateKey,
      { userId: 'mallory', role: 'ADMIN' },
      { issuer: 'jixiao-test', audience: 'jixiao' },
    );
    await refusedWith(forged, 'BAD_SIGNATURE');
  });

  it('refuses an expired token', async () => {
    const expired = await p.mint({ role: 'ADMIN' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    await refusedWith(expired, 'EXPIRED');
  });

  it('refuses a token for another audience or from another issuer', async () => {
    await refusedWith(await p.mint({ role: 'ADMIN' }, { audience: 'another-system' }), 'WRONG_AUDIENCE');
    await refusedWith(await p.mint({ role: 'ADMIN' }, { issuer: 'someone-else' }), 'WRONG_ISSUER');
  });

  it('refuses an unsigned or malformed token', async () => {
    const unsigned = [{ alg: 'none' }, { sub: 'mallory', role: 'ADMIN', aud: 'jixiao', iss: 'jixiao-test', exp: 4e9 }]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .join('.');
    await refusedWith(`${unsigned}.`, 'INVALID');
    await refusedWith('not-a-token', 'INVALID');
  });

  it('refuses a direct call to a subgraph, even with a valid user token or a forged assertion', async () => {
    const token = await p.mint({ role: 'ADMIN' });
    const forgedAssertion = await signAssertion(new TextEncoder().encode('x'.repeat(32)), {
      userId: 'mallory',
      role: 'ADMIN',
      unitId: null,
    });
    const attempts: Record<string, string>[] = [
      { authorization: `Bearer ${token}` },
      { 'x-jixiao-user': 'mallory', 'x-jixiao-role': 'ADMIN' },
      { [ASSERTION_HEADER]: forgedAssertion },
    ];
    const before = await p.allEvents();
    for (const headers of attempts) {
      const response = await fetch(p.subgraphUrls['directory']!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          query: `mutation($input: RegisterBudgetUnitInput!) { registerBudgetUnit(input: $input) { id } }`,
          variables: newUnit('700002'),
        }),
      });
      const body = (await response.json()) as { errors: { extensions: Record<string, string> }[] };
      expect(response.status).toBe(401);
      expect(body.errors[0]!.extensions['code']).toBe('UNAUTHENTICATED');
      expect(['NO_GATEWAY_ASSERTION', 'BAD_GATEWAY_ASSERTION']).toContain(body.errors[0]!.extensions['reason']);
    }
    expect(await p.allEvents()).toEqual(before);
  });

  it('records the actor from the token and ignores identity headers a client sends', async () => {
    const spoofed = { 'x-jixiao-user': 'mallory', 'x-jixiao-role': 'ADMIN', 'x-jixiao-unit': 'elsewhere' };
    const unit = await p.gql(REGISTER_UNIT, newUnit('700003'), as('ADMIN', null, 'wang.admin'), spoofed);
    const unitId = unit.data!.registerBudgetUnit.id;
    const officer = as('BUDGET_UNIT', unitId, 'zhang.wei');
    const asAdmin = await p.gql(REGISTER_UNIT, newUnit('700004'), officer, spoofed);
    expect(asAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const project = await p.gql(PROPOSE_PROJECT, { input: projectInput(unitId) }, officer, spoofed);
    await p.gql(SUBMIT_GOAL, { input: goalInput(project.data!.proposeProject.id) }, officer, spoofed);
    const events = await p.allEvents();
    expect(
      events.find((e) => e.type === 'BudgetUnitRegistered' && e.streamId === `unit-${unitId}`)?.metadata,
    ).toMatchObject({
      actorId: 'wang.admin',
      role: 'ADMIN',
      unitId: null,
    });
    expect(events.find((e) => e.type === 'GoalSubmitted')?.metadata).toMatchObject({
      actorId: 'zhang.wei',
      role: 'BUDGET_UNIT',
      unitId,
      // the client's connection as the gateway saw it, not the gateway's own
      clientIp: expect.stringMatching(/127\.0\.0\.1/),
      userAgent: expect.any(String),
    });
  });

  it('records each read of an event history as SensitiveDataRead in the reader’s access stream', async () => {
    const unit = await p.gql(REGISTER_UNIT, newUnit('700005'), as('ADMIN'));
    const streamId = `unit-${unit.data!.registerBudgetUnit.id}`;
    const auditor = as('AUDITOR', null, 'zhao.audit');
    await p.gql('query($s: String!) { streamHistory(streamId: $s) { type } }', { s: streamId }, auditor);
    await p.gql('query($s: String!) { verifyStream(streamId: $s) { ok } }', { s: streamId }, auditor);
    const reads = await p.store.readStream('access-zhao.audit');
    expect(reads.map((e) => [e.type, e.data, e.metadata.actorId, e.metadata.role])).toEqual([
      [
        'SensitiveDataRead',
        { reads: [{ resource: 'Query.streamHistory', streamId, eventCount: 1 }] },
        'zhao.audit',
        'AUDITOR',
      ],
      [
        'SensitiveDataRead',
        { reads: [{ resource: 'Query.verifyStream', streamId, eventCount: 1 }] },
        'zhao.audit',
        'AUDITOR',
      ],
    ]);
  });
});
