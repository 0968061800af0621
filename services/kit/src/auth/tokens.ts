import { createRemoteJWKSet, decodeJwt, jwtVerify, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import type { KeyObject } from 'node:crypto';
import { UnauthenticatedError } from '@jixiao/events';
import { discoveredKeySet, type DiscoveryOptions } from './discovery';
import { isRole, type Identity, type Role } from './roles';

/** Where the gateway finds the key that signs user tokens. */
export type TokenKey =
  | { kind: 'jwks'; url: string }
  /** An OpenID Connect provider's issuer URL: its JWKS is found through its discovery document. */
  | { kind: 'discovery'; issuer: string; options?: DiscoveryOptions }
  /** A public key (PEM SPKI, or a Node KeyObject) and its algorithm, e.g. EdDSA, ES256, RS256. */
  | { kind: 'key'; key: KeyLike | KeyObject; algorithms: string[] };

export interface TokenSettings {
  issuer: string;
  audience: string;
  key: TokenKey;
}

/** Asymmetric algorithms only: a user token is never checked with a shared secret. */
const JWKS_ALGORITHMS = ['EdDSA', 'ES256', 'ES384', 'RS256', 'PS256'];

const refuse = (reason: string, zh: string, en: string) => new UnauthenticatedError({ zh, en }, reason);

/** Errors that say the provider's keys could not be fetched: discovery, a JWKS timeout, no connection. */
const UNREACHABLE = new Set([
  'ERR_OIDC_DISCOVERY',
  'ERR_JWKS_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
]);

/** The bilingual refusal for a jose error, with a reason clients can log. */
export function tokenRefusal(error: unknown): UnauthenticatedError {
  const code = (error as { code?: string }).code;
  const claim = (error as { claim?: string }).claim;
  if (code === 'ERR_JWT_EXPIRED') return tokenExpired();
  if (code && UNREACHABLE.has(code))
    return refuse(
      'PROVIDER_UNAVAILABLE',
      '暂时无法从身份认证服务获取签名密钥，请稍后重试；持续出现请联系系统管理员',
      "The identity provider's signing keys cannot be fetched now; try again later, and tell the administrator if it persists",
    );
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && claim === 'aud')
    return refuse(
      'WRONG_AUDIENCE',
      '访问令牌不是签发给本系统的（受众不符）',
      'The token was issued for another audience',
    );
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && claim === 'iss')
    return refuse(
      'WRONG_ISSUER',
      '访问令牌的签发方不受信任',
      'The token comes from an issuer this system does not trust',
    );
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWKS_NO_MATCHING_KEY')
    return refuse('BAD_SIGNATURE', '访问令牌签名无效', 'The token signature is not valid');
  return refuse('INVALID', '访问令牌无效，请重新登录获取', 'The token is not valid; sign in again');
}

/** The refusal when a token has expired, also what ends a subscription that outlives its token. */
export const tokenExpired = () =>
  refuse('EXPIRED', '访问令牌已过期，请重新获取', 'The token has expired; get a new one');

/** When a verified token expires (ms since the epoch), from its `exp` claim; undefined for a token that is not a JWT. */
export const tokenExpiresAt = (token: string): number | undefined => {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
};

export const missingToken = () =>
  refuse(
    'MISSING',
    '缺少访问令牌，请在 Authorization 头中提供 Bearer 令牌',
    'No token; send Authorization: Bearer <token>',
  );

/** The identity in verified claims: `sub`, `role` (one of ROLES) and `unit` (a unit id, or absent). */
export function identityOf(payload: JWTPayload): Identity {
  const { sub, role, unit } = payload as JWTPayload & { role?: unknown; unit?: unknown };
  if (!sub || !isRole(role) || (unit !== undefined && unit !== null && typeof unit !== 'string')) {
    throw refuse('INVALID', '访问令牌缺少用户或角色信息', 'The token lacks a valid sub or role claim');
  }
  return { userId: sub, role, unitId: unit ?? null };
}

/** A function that verifies a bearer token (signature, expiry, issuer, audience) and returns the caller. */
export function tokenVerifier(settings: TokenSettings): (token: string) => Promise<Identity> {
  const { key: source } = settings;
  const key =
    source.kind === 'jwks'
      ? createRemoteJWKSet(new URL(source.url))
      : source.kind === 'discovery'
        ? discoveredKeySet(source.issuer, source.options)
        : source.key;
  const algorithms = source.kind === 'key' ? source.algorithms : JWKS_ALGORITHMS;
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as KeyLike, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw tokenRefusal(error);
    }
    return identityOf(payload);
  };
}

/** Mints a user token (the embedded dev CLI and tests; production tokens come from the identity provider). */
export function mintToken(
  privateKey: KeyLike | KeyObject,
  claims: { userId: string; role: Role; unitId?: string | null },
  options: { issuer: string; audience: string; expiresIn?: string | number; algorithm?: string; keyId?: string },
): Promise<string> {
  return new SignJWT({ role: claims.role, ...(claims.unitId ? { unit: claims.unitId } : {}) })
    .setProtectedHeader({ alg: options.algorithm ?? 'EdDSA', ...(options.keyId ? { kid: options.keyId } : {}) })
    .setSubject(claims.userId)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(privateKey as KeyLike);
}
