import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { UnauthenticatedError } from '@jixiao/events';
import type { GraphQLError } from 'graphql';
import {
  missingToken,
  PUBLIC_CALLER,
  signAssertion,
  tokenExpiresAt,
  toGraphQLError,
  type AssertionSecret,
  type Identity,
  type PublicCaller,
} from '@jixiao/service-kit';
import { endingAt } from './ending-at';
import { isPublicDocument } from './public-access';
import { identityProviderUnavailable } from '../unavailable';

/**
 * A refused token is 401 UNAUTHENTICATED (the client signs in again). The identity provider's keys
 * out of reach is not the caller's fault: 503 SERVICE_UNAVAILABLE, so a client keeps its session
 * and retries instead of signing everyone out during a provider's outage.
 */
export function refusalOf(error: unknown): GraphQLError {
  return error instanceof UnauthenticatedError && error.reason === 'PROVIDER_UNAVAILABLE'
    ? identityProviderUnavailable(error)
    : toGraphQLError(error, 401);
}

/** Options of {@link JixiaoPluginAuthentication}. */
export interface AuthenticationOptions {
  /** Verifies a bearer token (signature, expiry, issuer, audience) and returns the caller; throws UnauthenticatedError. */
  verify(token: string): Promise<Identity>;
  /** Shared with the subgraphs only: each verified caller travels to them as an assertion signed with it. */
  assertionSecret: AssertionSecret;
  /**
   * What a request without a token may run (公开): the policy's PUBLIC rows, e.g. `Query.publishedGoals`
   * (`publicOperationsOf(POLICY)`). A document of those root fields and nothing else runs as the public
   * caller; any other is refused as before. Default: none, every request needs a token.
   */
  publicOperations?: readonly string[];
}

interface Verified {
  identity: Identity | PublicCaller;
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
  /** The verified caller of a request (or the public caller), once `onParams` has run. */
  identityOf(request: Request): Identity | PublicCaller | undefined;
  /** Whose request budget a request spends: the user's, or for the public caller its address's. */
  rateKeyOf(request: Request): string | undefined;
  /** The signed assertion for a request's subgraph calls; re-signed for a long-lived subscription. */
  assertionOf(request: Request): Promise<string | undefined>;
};

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The client's address, when the server is node:http (the runtime puts its request on the context). */
const remoteAddress = (context: unknown): string | undefined =>
  (context as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket?.remoteAddress;

/**
 * Every GraphQL request needs `Authorization: Bearer <token>`: verified here before parsing,
 * refused with UNAUTHENTICATED (HTTP 401) otherwise — except a request with no Authorization header
 * at all whose document asks only for public queries (`publicOperations`), which runs as the public
 * caller (PUBLIC). The caller then reaches the subgraphs only as a short-lived assertion the gateway
 * signs; client headers never carry identity past the gateway. A WebSocket subscription is one
 * request too: its token comes from `connectionParams`.
 */
export function JixiaoPluginAuthentication(options: AuthenticationOptions): AuthenticationPlugin {
  const verified = new WeakMap<Request, Promise<Verified>>();
  const settled = new WeakMap<Request, Verified>();
  const publicFields = new Set(options.publicOperations ?? []);
  const sign = (v: Omit<Verified, 'assertion' | 'signedAt' | 'expiresAt'>) =>
    signAssertion(options.assertionSecret, { ...v.identity, clientIp: v.clientIp, userAgent: v.userAgent });
  const authenticate = async (request: Request, clientIp: string | undefined): Promise<Verified> => {
    const header = request.headers.get('authorization');
    const token = BEARER.exec(header ?? '')?.[1];
    if (!token && header !== null) throw missingToken();
    // no header at all: onParams let only a public document this far
    const identity = token ? await options.verify(token) : PUBLIC_CALLER;
    const userAgent = request.headers.get('user-agent') ?? undefined;
    const caller = { identity, clientIp, userAgent };
    const expiresAt = token ? tokenExpiresAt(token) : undefined;
    const result = { ...caller, assertion: await sign(caller), signedAt: Date.now(), expiresAt };
    settled.set(request, result);
    return result;
  };
  return {
    async onParams({ request, params, context }) {
      // without a token, each document (each of a batch) must ask for public queries and nothing else
      const anonymous = request.headers.get('authorization') === null;
      if (anonymous && !isPublicDocument(params.query, publicFields)) throw toGraphQLError(missingToken(), 401);
      // a batched request carries one token for all its operations: verify it once
      if (!verified.has(request)) verified.set(request, authenticate(request, remoteAddress(context)));
      await verified.get(request)!.catch((error: unknown) => {
        throw refusalOf(error);
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
    rateKeyOf(request) {
      const caller = settled.get(request);
      if (!caller) return undefined;
      return caller.identity === PUBLIC_CALLER
        ? `${PUBLIC_CALLER.role}@${caller.clientIp ?? 'unknown'}`
        : caller.identity.userId;
    },
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
