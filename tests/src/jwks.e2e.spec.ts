import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startPlatform, type RunningPlatform } from '@jixiao/infra';
import { mintToken } from '@jixiao/service-kit';

/** Production-style identity: tokens from an identity provider, keys from its JWKS URL (configured by env vars). */
describe('tokens checked against a JWKS URL', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const issuer = 'https://login.example.gov.cn';
  let jwks: Server;
  let platform: RunningPlatform;
  let dir: string;

  beforeAll(async () => {
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'ES256', use: 'sig' };
    jwks = createServer((_req, res) => res.end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    dir = mkdtempSync(join(tmpdir(), 'jixiao-jwks-'));
    const config = loadConfig({
      JIXIAO_DATA_DIR: dir,
      JIXIAO_PORT: '0',
      JIXIAO_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
      JIXIAO_JWT_ISSUER: issuer,
      JIXIAO_JWT_AUDIENCE: 'jixiao-prod',
      JIXIAO_SEED: 'none',
    });
    platform = await startPlatform(config);
  });
  afterAll(async () => {
    await platform?.close();
    jwks?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (token: string) => {
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ budgetUnits { totalCount } }' }),
    });
    return (await response.json()) as { data?: unknown; errors?: { extensions: Record<string, unknown> }[] };
  };
  const mint = (audience: string, key = privateKey) =>
    mintToken(key, { userId: 'li.na', role: 'AUDITOR' }, { issuer, audience, algorithm: 'ES256' });

  it('accepts a token the provider signed, with its key looked up by kid', async () => {
    const token = await mintToken(
      privateKey,
      { userId: 'li.na', role: 'AUDITOR' },
      { issuer, audience: 'jixiao-prod', algorithm: 'ES256', keyId: 'k1' },
    );
    expect(await ask(token)).toEqual({ data: { budgetUnits: { totalCount: 0 } } });
  });

  it('refuses a token for another audience, and one signed by another key', async () => {
    expect((await ask(await mint('jixiao-test'))).errors?.[0]?.extensions).toMatchObject({ reason: 'WRONG_AUDIENCE' });
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect((await ask(await mint('jixiao-prod', other))).errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'BAD_SIGNATURE',
    });
  });
});
