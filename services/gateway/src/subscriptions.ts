import type { IncomingMessage, Server } from 'node:http';
import { getGraphQLWSOptions, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { serveGraphQLWs, toGraphQLError, type GraphQLWsEndpoint } from '@jixiao/service-kit';

/** Upgrade-request headers a WebSocket operation keeps, as an HTTP request would. */
const KEPT_HEADERS = ['user-agent', 'x-correlation-id', 'authorization'];

/**
 * The request one WebSocket operation stands for: the upgrade request's headers, with the bearer
 * token from `connectionParams.authorization` (browsers cannot set headers on a WebSocket).
 */
function requestOf(upgrade: IncomingMessage, connectionParams: Record<string, unknown> | undefined): Request {
  const headers = new Headers();
  for (const name of KEPT_HEADERS) {
    const value = upgrade.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  const fromParams = connectionParams?.['authorization'] ?? connectionParams?.['Authorization'];
  if (typeof fromParams === 'string') headers.set('authorization', fromParams);
  return new Request(`http://${upgrade.headers.host ?? 'gateway'}${upgrade.url ?? '/graphql'}`, {
    method: 'POST',
    headers,
  });
}

/** An error thrown before execution (an UNAUTHENTICATED token, say), as the result a client reads. */
function refusal(error: unknown): ExecutionResult {
  const graphQLError = toGraphQLError(error, 500);
  const { http: _http, ...extensions } = graphQLError.extensions;
  return { errors: [new GraphQLError(graphQLError.message, { extensions })] };
}

/**
 * Serves GraphQL over WebSocket (graphql-ws) for clients at the runtime's GraphQL path, beside
 * HTTP and SSE. Each subscribe message runs through the runtime like an HTTP request — the same
 * plugins, so the token is verified per operation — and a refused one answers with the same
 * error body as HTTP (`UNAUTHENTICATED`, Chinese and English), then completes. A message above
 * `maxPayload` bytes (the HTTP body limit) closes the socket.
 */
export function serveClientSubscriptions(
  server: Server,
  runtime: GatewayRuntime,
  maxPayload?: number,
): GraphQLWsEndpoint {
  const options = getGraphQLWSOptions<Record<string, unknown>, { socket: unknown; request: IncomingMessage }>(
    runtime as never,
    (ctx) => ({
      req: ctx.extra.request,
      socket: ctx.extra.socket,
      request: requestOf(ctx.extra.request, ctx.connectionParams),
    }),
  );
  const guarded =
    <A>(run: ((args: A) => unknown) | undefined) =>
    async (args: A) => {
      try {
        return await run!(args);
      } catch (error) {
        return refusal(error);
      }
    };
  return serveGraphQLWs(
    server,
    runtime.graphqlEndpoint,
    {
      ...(options as object),
      execute: guarded(options.execute),
      subscribe: guarded(options.subscribe),
    } as never,
    maxPayload,
  );
}
