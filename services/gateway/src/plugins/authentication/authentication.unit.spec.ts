import { randomBytes } from 'node:crypto';
import { UnsecuredJWT } from 'jose';
import { verifyAssertion } from '@jixiao/service-kit';
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
