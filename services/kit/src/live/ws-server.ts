import type { IncomingMessage, Server } from 'node:http';
import type { ServerOptions } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';

/** What graphql-ws's `ws` adapter puts in every context's `extra`, plus what the caller adds. */
export type WsExtra<E> = { readonly socket: WebSocket; readonly request: IncomingMessage } & Partial<E>;

/** A GraphQL-over-WebSocket endpoint and how to stop it. */
export interface GraphQLWsEndpoint {
  /** Closes every socket (1001 Going away) and the WebSocket server; the HTTP server stays up. */
  close(): Promise<void>;
}

/** Largest WebSocket message by default: the HTTP body limit's default (`ws`'s own is 100 MiB). */
export const DEFAULT_WS_MAX_PAYLOAD = 256 * 1024;

/**
 * Serves the graphql-ws protocol (`graphql-transport-ws`) on `path` of an HTTP server, beside its
 * HTTP handler: subgraphs for the gateway, the gateway for clients. A message larger than
 * `maxPayload` bytes closes the socket (1009).
 */
export function serveGraphQLWs<E extends Record<PropertyKey, unknown>>(
  server: Server,
  path: string,
  options: ServerOptions<Record<string, unknown> | undefined, WsExtra<E>>,
  maxPayload = DEFAULT_WS_MAX_PAYLOAD,
): GraphQLWsEndpoint {
  const wss = new WebSocketServer({ server, path, maxPayload });
  const disposable = useServer<Record<string, unknown> | undefined, E>({ ...options, isProd: true } as never, wss);
  return { close: async () => disposable.dispose() };
}
