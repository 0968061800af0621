import { randomBytes } from 'node:crypto';
import { UnsecuredJWT } from 'jose';
import { tokenRefusal, verifyAssertion } from '@jixiao/service-kit';
import { ASSERTION_CONTEXT_KEY, JixiaoPluginAuthentication } from './authentication';

const secret = new Uint8Array(randomBytes(32));
const plugin = JixiaoPluginAuthentication({
  verify: async (token) => ({ userId: token, role: 'DEPARTMENT', unitId: 'u1' }),
  assertionSecret: secret,
});
type Hooks = {
  onParams(payload: { request: Request; context: unknown }): Promise<void>;
  onContextBuilding(payload: { context: { request: Request }; extendContext(extra: object): void }): void;
};
const hooks = plugin as unknown as Hooks;
const request = (token: string) =>
  new Request('http://gateway/graphql', { method: 'POST', headers: { authorization: `Bearer ${token}` } });

describe('the gateway’s assertion for a long-lived subscription', () => {
  afterEach(() => jest.useRealTimers());

  it('puts the assertion on the context, where the ws transport’s connectionParams read it', async () => {
    const req = request('zhang.wei');
    await hooks.onParams({ request: req, context: {} });
    const extended: Record<string, unknown> = {};
    hooks.onContextBuilding({ context: { request: req }, extendContext: (extra) => Object.assign(extended, extra) });
    expect(await verifyAssertion(secret, extended[ASSERTION_CONTEXT_KEY] as string)).toMatchObject({
      userId: 'zhang.wei',
      role: 'DEPARTMENT',
    });
  });

  it('re-signs it once it is half-way to expiry, so an event an hour later still reaches other subgraphs', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const req = request('li.na');
    await hooks.onParams({ request: req, context: {} });
    const first = await plugin.assertionOf(req);
    expect(await plugin.assertionOf(req)).toBe(first);

    jest.setSystemTime(new Date('2026-03-01T09:00:00Z'));
    const later = await plugin.assertionOf(req);
    expect(later).not.toBe(first);
    await expect(verifyAssertion(secret, first)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifyAssertion(secret, later)).resolves.toMatchObject({ userId: 'li.na' });
  });

  it('signs nothing more once the caller’s token has expired: the subgraph then refuses the subscription’s calls', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const token = new UnsecuredJWT({})
      .setSubject('wang.yu')
      .setExpirationTime(new Date('2026-03-01T08:10:00Z'))
      .encode();
    const req = request(token);
    await hooks.onParams({ request: req, context: {} });
    expect(await plugin.assertionOf(req)).toEqual(expect.any(String));
    jest.setSystemTime(new Date('2026-03-01T08:10:01Z'));
    expect(await plugin.assertionOf(req)).toBeUndefined();
  });
});

describe('a token the gateway cannot check', () => {
  const refusing = (error: unknown) =>
    JixiaoPluginAuthentication({
      verify: async () => {
        throw error;
      },
      assertionSecret: secret,
    }) as unknown as Hooks;
  const refusalOf = async (error: unknown) =>
    (await refusing(error)
      .onParams({ request: request('zhao.min'), context: {} })
      .then(() => null)
      .catch((e: { extensions: Record<string, unknown> }) => e.extensions)) as Record<string, unknown> | null;

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After while the identity provider’s keys cannot be fetched', async () => {
    const answer = await refusalOf(
      tokenRefusal(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    );
    expect(answer).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'PROVIDER_UNAVAILABLE',
      messageZh: expect.stringContaining('身份认证服务'),
      http: { status: 503, headers: { 'retry-after': '5' } },
    });
  });

  it('answers 401 UNAUTHENTICATED for a token that is refused (here, expired)', async () => {
    const answer = await refusalOf(tokenRefusal(Object.assign(new Error('exp'), { code: 'ERR_JWT_EXPIRED' })));
    expect(answer).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'EXPIRED', http: { status: 401 } });
  });
});
