import { generateKeyPairSync } from 'node:crypto';
import { mintToken, tokenVerifier } from './tokens';

const keys = generateKeyPairSync('ed25519');
const settings = {
  issuer: 'iss',
  audience: 'aud',
  key: { kind: 'key' as const, key: keys.publicKey, algorithms: ['EdDSA'] },
};
const verify = tokenVerifier(settings);
const mint = (claims: Parameters<typeof mintToken>[1], options: Partial<Parameters<typeof mintToken>[2]> = {}) =>
  mintToken(keys.privateKey, claims, { issuer: 'iss', audience: 'aud', ...options });

describe('verifying a user token', () => {
  it('returns the caller of a good token', async () => {
    const token = await mint({ userId: 'zhang.wei', role: 'BUDGET_UNIT', unitId: 'u1' });
    await expect(verify(token)).resolves.toEqual({ userId: 'zhang.wei', role: 'BUDGET_UNIT', unitId: 'u1' });
  });

  it('names why a token is refused', async () => {
    const reasons = await Promise.all(
      [
        mint({ userId: 'a', role: 'ADMIN' }, { expiresIn: Math.floor(Date.now() / 1000) - 10 }),
        mint({ userId: 'a', role: 'ADMIN' }, { audience: 'other' }),
        mint({ userId: 'a', role: 'ADMIN' }, { issuer: 'other' }),
        mintToken(
          generateKeyPairSync('ed25519').privateKey,
          { userId: 'a', role: 'ADMIN' },
          { issuer: 'iss', audience: 'aud' },
        ),
        mint({ userId: 'a', role: 'KING' as never }),
      ].map(async (token) =>
        verify(await token).catch((error: { code: string; reason: string }) => `${error.code} ${error.reason}`),
      ),
    );
    expect(reasons).toEqual([
      'UNAUTHENTICATED EXPIRED',
      'UNAUTHENTICATED WRONG_AUDIENCE',
      'UNAUTHENTICATED WRONG_ISSUER',
      'UNAUTHENTICATED BAD_SIGNATURE',
      'UNAUTHENTICATED INVALID',
    ]);
  });
});
