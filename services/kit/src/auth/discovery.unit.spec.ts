import { generateKeyPairSync } from 'node:crypto';
import { createLocalJWKSet, type JWK } from 'jose';
import { discoveredKeySet, DiscoveryError } from './discovery';
import { mintToken, tokenVerifier } from './tokens';

const issuer = 'https://login.example.gov.cn/realms/jixiao';
const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwks = { keys: [{ ...(keys.publicKey.export({ format: 'jwk' }) as JWK), kid: 'k1', alg: 'ES256' }] };
const token = (claims: { issuer?: string } = {}) =>
  mintToken(
    keys.privateKey,
    { userId: 'wang.wei', role: 'BUDGET_UNIT', unitId: 'u1' },
    { issuer: claims.issuer ?? issuer, audience: 'jixiao', algorithm: 'ES256', keyId: 'k1' },
  );

/** A provider whose discovery document and key set are served from memory; it counts what was read. */
function provider(document: unknown = { issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` }) {
  const read: string[] = [];
  const failures: string[] = [];
  let answers = [document];
  const options = {
    load: async (url: string) => {
      read.push(url);
      const next = answers.length > 1 ? answers.shift() : answers[0];
      if (next instanceof Error) throw next;
      return next;
    },
    keySetAt: (uri: string) => {
      read.push(uri);
      return createLocalJWKSet(jwks);
    },
    onError: (error: Error) => void failures.push(error.message),
  };
  const verify = (settings: { issuer?: string } = {}) =>
    tokenVerifier({
      issuer: settings.issuer ?? issuer,
      audience: 'jixiao',
      key: { kind: 'discovery', issuer, options },
    });
  return { read, failures, verify, options, answer: (...next: unknown[]) => (answers = next) };
}

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: { reason?: string }) => error.reason,
  );

describe('keys found through the issuer’s discovery document', () => {
  it('reads <issuer>/.well-known/openid-configuration once, then checks tokens with the keys at its jwks_uri', async () => {
    const p = provider();
    const verify = p.verify();
    const callers = await Promise.all([verify(await token()), verify(await token())]);
    expect(callers).toEqual([
      { userId: 'wang.wei', role: 'BUDGET_UNIT', unitId: 'u1' },
      { userId: 'wang.wei', role: 'BUDGET_UNIT', unitId: 'u1' },
    ]);
    await verify(await token());
    expect(p.read).toEqual([`${issuer}/.well-known/openid-configuration`, `${issuer}/protocol/openid-connect/certs`]);
  });

  it('refuses every token while the document names another issuer, and says why once per attempt', async () => {
    const p = provider({
      issuer: 'https://elsewhere.example/realms/jixiao',
      jwks_uri: 'https://elsewhere.example/certs',
    });
    const verify = p.verify();
    expect(await reasonOf(verify(await token()))).toBe('PROVIDER_UNAVAILABLE');
    expect(p.failures).toEqual([
      `${issuer}/.well-known/openid-configuration names the issuer https://elsewhere.example/realms/jixiao, not ${issuer}`,
    ]);
    expect(p.read).not.toContain('https://elsewhere.example/certs');
  });

  it('refuses a document without an http(s) jwks_uri', async () => {
    const p = provider({ issuer, jwks_uri: 'file:///etc/keys.json' });
    expect(await reasonOf(p.verify()(await token()))).toBe('PROVIDER_UNAVAILABLE');
    expect(p.failures).toEqual([`${issuer}/.well-known/openid-configuration has no http(s) jwks_uri`]);
  });

  it('tries the discovery again after a failure: a provider that was down is used once it answers', async () => {
    const p = provider();
    p.answer(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' }), {
      issuer,
      jwks_uri: `${issuer}/certs`,
    });
    const verify = p.verify();
    expect(await reasonOf(verify(await token()))).toBe('PROVIDER_UNAVAILABLE');
    expect(await reasonOf(verify(await token()))).toBe('accepted');
    expect(p.failures).toEqual([`${issuer}/.well-known/openid-configuration: connect ECONNREFUSED 10.0.0.1:443`]);
  });

  it('still checks the token’s own issuer against the configured one', async () => {
    const p = provider();
    expect(await reasonOf(p.verify()(await token({ issuer: 'https://other.example' })))).toBe('WRONG_ISSUER');
  });

  it('wraps what the loader throws, so its message names the document', async () => {
    const p = provider(new Error('socket hang up'));
    const getKey = discoveredKeySet(issuer, p.options);
    await expect(getKey({ alg: 'ES256', kid: 'k1' }, {} as never)).rejects.toBeInstanceOf(DiscoveryError);
  });
});
