import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  missingToken,
  signAssertion,
  tokenExpiresAt,
  toGraphQLError,
  type AssertionSecret,
  type Identity,
} from '@jixiao/service-kit';
import { endingAt } from './ending-at';

/** Options of {@link JixiaoPluginAuthentication}. */
export interface AuthenticationOptions {
  /** Verifies a bearer token (signature, expiry, issuer, audience) and returns the caller; throws UnauthenticatedError. */
  verify(token: string): Promise<Identity>;
  /** Shared with the subgraphs only: each verified caller travels to them as an assertion signed with it. */
  assertionSecret: AssertionSecret;
}

interface Verified {
  identity: Identity;
  clientIp: string | undefined;
  userAgent: string | undefined;
  assertion: string;
  signedAt: number;
  /** When the caller's token expires: no assertion is signed after it, and a subscription ends. */
  expiresAt: number | undefined;
}

/** The context key holding the request's assertion, for the subscription transport's connectionParams. */
export const ASSERTION_CONTEXT_KEY = 'jixiaoAssertion';

/** Assertions live 60 s; a subscription's later subgraph calls get a new one after this. */
const RESIGN_AFTER_MS = 30_000;

/** A gateway plugin that also tells the header propagation what to send each subgraph. */
export type AuthenticationPlugin = GatewayPlugin & {
  /** The verified caller of a request, once `onParams` has run. */
  identityOf(request: Request): Identity | undefined;
  /** The signed assertion for a request's subgraph calls; re-signed for a long-lived subscription. */
  assertionOf(request: Request): Promise<string | undefined>;
};

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The client's address, when the server is node:http (the runtime puts its request on the context). */
const remoteAddress = (context: unknown): string | undefined =>
  (context as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket?.remoteAddress;

/**
 * Every GraphQL request needs `Authorization: Bearer <token>`: verified here before parsing,
 * refused with UNAUTHENTICATED (HTTP 401) otherwise. The caller then reaches the subgraphs only as
 * a short-lived assertion the gateway signs; client headers never carry identity past the gateway.
 * A WebSocket subscription is one request too: its token comes from `connectionParams`.
 */
export function JixiaoPluginAuthentication(options: AuthenticationOptions): AuthenticationPlugin {
  const verified = new WeakMap<Request, Promise<Verified>>();
  const settled = new WeakMap<Request, Verified>();
  const sign = (v: Omit<Verified, 'assertion' | 'signedAt' | 'expiresAt'>) =>
    signAssertion(options.assertionSecret, { ...v.identity, clientIp: v.clientIp, userAgent: v.userAgent });
  const authenticate = async (request: Request, clientIp: string | undefined): Promise<Verified> => {
    const token = BEARER.exec(request.headers.get('authorization') ?? '')?.[1];
    if (!token) throw missingToken();
    const identity = await options.verify(token);
    const userAgent = request.headers.get('user-agent') ?? undefined;
    const caller = { identity, clientIp, userAgent };
    const result = { ...caller, assertion: await sign(caller), signedAt: Date.now(), expiresAt: tokenExpiresAt(token) };
    settled.set(request, result);
    return result;
  };
  return {
    async onParams({ request, context }) {
      // a batched request carries one token for all its operations: verify it once
      if (!verified.has(request)) verified.set(request, authenticate(request, remoteAddress(context)));
      await verified.get(request)!.catch((error: unknown) => {
        throw toGraphQLError(error, 401);
      });
    },
    onContextBuilding({ context, extendContext }) {
      const request = (context as { request?: Request }).request;
      const assertion = request && settled.get(request)?.assertion;
      if (assertion) extendContext({ [ASSERTION_CONTEXT_KEY]: assertion } as never);
    },
    onSubscribe({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const expiresAt = request && settled.get(request)?.expiresAt;
      if (!expiresAt) return;
      return {
        onSubscribeResult({ result, setResult }) {
          if (Symbol.asyncIterator in result) setResult(endingAt(result, expiresAt));
        },
      };
    },
    identityOf: (request) => settled.get(request)?.identity,
    async assertionOf(request) {
      const current = settled.get(request);
      if (!current) return undefined;
      // a subscription that outlived its token gets no new assertion: the subgraph refuses it
      if (current.expiresAt !== undefined && Date.now() >= current.expiresAt) return undefined;
      if (Date.now() - current.signedAt < RESIGN_AFTER_MS) return current.assertion;
      const renewed = { ...current, assertion: await sign(current), signedAt: Date.now() };
      settled.set(request, renewed);
      return renewed.assertion;
    },
  } as AuthenticationPlugin;
}
