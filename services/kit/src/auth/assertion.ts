import { jwtVerify, SignJWT } from 'jose';
import { UnauthenticatedError } from '@jixiao/events';
import { identityOf } from './tokens';
import { PUBLIC, PUBLIC_CALLER, type Identity, type PublicCaller } from './roles';

/** The header that carries the gateway's assertion to the subgraphs. */
export const ASSERTION_HEADER = 'x-jixiao-assertion';
const ISSUER = 'jixiao-gateway';
const AUDIENCE = 'jixiao-subgraphs';

/** A secret shared by the gateway and the subgraphs only; at least 32 bytes. */
export type AssertionSecret = Uint8Array;

/**
 * The verified caller — or, for a request without a token that asks only for public queries, the
 * public caller — plus what the gateway saw of the client's connection (for event metadata).
 */
export type AssertedCaller = (Identity | PublicCaller) & { clientIp?: string; userAgent?: string };

/** The gateway vouches for a verified caller: a 60 s HS256 token only subgraphs accept. */
export function signAssertion(secret: AssertionSecret, caller: AssertedCaller): Promise<string> {
  return new SignJWT({
    role: caller.role,
    ...(caller.unitId ? { unit: caller.unitId } : {}),
    ...(caller.clientIp ? { ip: caller.clientIp } : {}),
    ...(caller.userAgent ? { ua: caller.userAgent.slice(0, 300) } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(secret);
}

/** A subgraph checks the gateway's assertion; without a valid one the request is refused. */
export async function verifyAssertion(secret: AssertionSecret, assertion: string | undefined): Promise<AssertedCaller> {
  if (!assertion) {
    throw new UnauthenticatedError(
      {
        zh: '请通过网关访问：子服务不接受未经网关验证的请求',
        en: 'Call the gateway: a subgraph accepts only requests the gateway has authenticated',
      },
      'NO_GATEWAY_ASSERTION',
    );
  }
  try {
    const { payload } = await jwtVerify(assertion, secret, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    const { ip, ua } = payload as { ip?: unknown; ua?: unknown };
    // only the gateway signs assertions: PUBLIC here is its word that the request had no token
    const caller =
      payload['role'] === PUBLIC && payload.sub === PUBLIC_CALLER.userId ? PUBLIC_CALLER : identityOf(payload);
    return {
      ...caller,
      ...(typeof ip === 'string' ? { clientIp: ip } : {}),
      ...(typeof ua === 'string' ? { userAgent: ua } : {}),
    };
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw error;
    throw new UnauthenticatedError(
      { zh: '网关凭证无效，请通过网关访问', en: 'The gateway assertion is not valid; call the gateway' },
      'BAD_GATEWAY_ASSERTION',
    );
  }
}
