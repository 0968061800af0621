import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createGateway, type GatewayOptions } from './gateway';
import { serveClientSubscriptions } from './subscriptions';
import { answerHealth, type GraphQLWsEndpoint, type HealthOptions } from '@jixiao/service-kit';

/** Options of {@link startGatewayServer}: where to listen, plus every {@link GatewayOptions}. */
export interface GatewayServerOptions extends GatewayOptions {
  /** TCP port; `0` picks a free ephemeral port (read it back from `url`). */
  port: number;
  /** Interface to bind. Default `127.0.0.1`; use `0.0.0.0` to accept remote clients. */
  host?: string;
  /** `/healthz` and `/readyz` (beside the runtime's own checks); default: liveness only, as `gateway`. */
  health?: HealthOptions;
  /**
   * Other pages served beside GraphQL (the web console): asked first for every request that is not a
   * health check; answers it and returns true, or returns false to leave it to GraphQL.
   */
  site?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
}

/** A listening gateway. */
export interface GatewayServer {
  /** GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql` (subscriptions: SSE at the same URL). */
  url: string;
  /** The same endpoint for GraphQL over WebSocket (graphql-ws), e.g. `ws://127.0.0.1:4000/graphql`. */
  wsUrl: string;
  /** Stops accepting connections, ends open subscriptions (WebSocket and SSE), lets in-flight requests finish, disposes the runtime. */
  close(): Promise<void>;
}

/**
 * Serves the gateway with `node:http`: GraphQL at `/graphql` (subscriptions over SSE there, or over
 * graphql-ws on a WebSocket to the same path), the runtime's liveness at `/healthcheck` and readiness at
 * `/readiness`, and the `/healthz` and `/readyz` every Jixiao process serves. The server also closes when the runtime disposes itself on
 * SIGTERM/SIGINT, so an open listener never keeps a terminated process alive.
 */
export async function startGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const { port, host = '127.0.0.1', health = { process: 'gateway' }, site, ...gatewayOptions } = options;
  const server = createServer();
  let closing: Promise<void> | undefined;
  // SSE subscriptions never finish on their own: they end with the server
  const streams = new Set<Socket>();
  server.on('request', (req: IncomingMessage) => {
    if (!/text\/event-stream/.test(req.headers.accept ?? '')) return;
    streams.add(req.socket);
    req.socket.once('close', () => streams.delete(req.socket));
  });
  // open WebSockets and SSE streams would keep the HTTP server from closing: end them first
  const closeServer = () =>
    (closing ??= subscriptions.close().then(
      () =>
        new Promise<void>((resolve, reject) => {
          if (!server.listening) return resolve();
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeIdleConnections();
          for (const socket of streams) socket.destroy();
        }),
    ));

  const gateway = createGateway({
    ...gatewayOptions,
    plugins: (context) => [...(gatewayOptions.plugins?.(context) ?? []), { onDispose: closeServer }],
  });
  server.on('request', (req, res) => {
    if (answerHealth(health, req, res)) return;
    if (!site) return void gateway.handler(req, res);
    void Promise.resolve(site(req, res)).then(
      async (answered) => {
        if (!answered) await gateway.handler(req, res);
      },
      (error: Error) => {
        console.error(`site request ${req.url ?? ''} failed: ${error.message}`);
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  });
  const subscriptions: GraphQLWsEndpoint = serveClientSubscriptions(
    server,
    gateway.handler,
    gatewayOptions.limits?.maxBodyBytes,
  );

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await closeServer();
    await gateway.dispose();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostname}:${address.port}/graphql`,
    wsUrl: `ws://${hostname}:${address.port}/graphql`,
    close: async () => {
      await closeServer();
      await gateway.dispose();
    },
  };
}
