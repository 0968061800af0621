import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { ASSERTION_HEADER, verifyAssertion, type AssertedCaller, type AssertionSecret } from '../auth/assertion';
import type { AssignmentLookup, UnitHierarchy } from '../auth/scope';
import type { SubgraphPlugin } from './build-subgraph';
import { contextFromHeaders, type RequestContext } from '../context';
import { answerHealth, type HealthOptions } from '../health/health';
import { serveGraphQLWs } from '../live/ws-server';
import { JixiaoFormatError, toGraphQLError } from '../plugins/error-masking/format-error';

export interface SubgraphServer {
  /** The HTTP endpoint, e.g. `http://127.0.0.1:4002/graphql`. */
  url: string;
  /** The graphql-ws endpoint for subscriptions, e.g. `ws://127.0.0.1:4002/graphql`. */
  wsUrl: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 50 * 1024 * 1024;

/**
 * Serves a subgraph on 127.0.0.1 (port 0 = any free port): queries and mutations over HTTP, and
 * subscriptions over graphql-ws on the same port and path. Both refuse a caller the gateway did
 * not vouch for: HTTP reads the assertion from the `x-jixiao-assertion` header, a WebSocket from
 * the same key of its `connection_init` payload (connectionParams), checked once when it connects.
 * `/healthz` and `/readyz` answer anyone (see {@link answerHealth}).
 */
export async function serveSubgraph(options: {
  schema: GraphQLSchema;
  /** Shared with the gateway only: a request without the gateway's signed assertion is refused. */
  assertionSecret: AssertionSecret;
  /** The unit tree, for scopes over subordinate units. */
  units?: UnitHierarchy;
  /** Who is assigned to what, for ASSIGNED scopes. */
  assignments?: AssignmentLookup;
  port?: number;
  host?: string;
  production?: boolean;
  /** The subgraph's own per-request plugins (`Subgraph.plugins`). */
  plugins?: SubgraphPlugin[];
  /** `/healthz` and `/readyz` on the same port; default: liveness only, as `subgraph`. */
  health?: HealthOptions;
}): Promise<SubgraphServer> {
  const httpServer = createServer();
  const formatError = JixiaoFormatError();
  const server = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...(options.plugins ?? []),
    ],
  });
  await server.start();
  const context = async (req: IncomingMessage) => {
    const assertion = req.headers[ASSERTION_HEADER];
    const caller = await verifyAssertion(
      options.assertionSecret,
      Array.isArray(assertion) ? assertion[0] : assertion,
    ).catch((error: Error) => {
      throw toGraphQLError(error, 401);
    });
    return contextFromHeaders(req.headers, caller, { units: options.units, assignments: options.assignments });
  };
  const health = options.health ?? { process: 'subgraph' };
  httpServer.on('request', (req, res) => {
    if (!answerHealth(health, req, res)) void handle(server, context, req, res);
  });

  const ws = serveGraphQLWs<{ caller: AssertedCaller }>(httpServer, '/graphql', {
    schema: options.schema,
    onConnect: async (ctx) => {
      const assertion = ctx.connectionParams?.[ASSERTION_HEADER];
      const caller = await verifyAssertion(
        options.assertionSecret,
        typeof assertion === 'string' ? assertion : undefined,
      ).catch(() => null);
      if (!caller) return false; // 4403 Forbidden: only the gateway may subscribe
      Object.assign(ctx.extra, { caller });
      return true;
    },
    context: (ctx) => {
      const correlationId = ctx.connectionParams?.['x-correlation-id'];
      const headers = typeof correlationId === 'string' ? { 'x-correlation-id': correlationId } : {};
      return contextFromHeaders(headers, ctx.extra.caller!, {
        units: options.units,
        assignments: options.assignments,
      }) as never;
    },
    // the same error contract as HTTP: stable codes, Chinese and English, internals masked
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors
        ? { ...result, errors: result.errors.map((e) => formatError((e as GraphQLError).toJSON(), e)) }
        : undefined,
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${address}:${port}/graphql`,
    wsUrl: `ws://${address}:${port}/graphql`,
    close: async () => {
      await ws.close();
      await server.stop();
    },
  };
}

/** One HTTP request through Apollo Server (what `startStandaloneServer` does, without its CORS). */
async function handle(
  server: ApolloServer<RequestContext>,
  context: (req: IncomingMessage) => Promise<RequestContext>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413).end();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    if (text && /json/i.test(req.headers['content-type'] ?? '')) {
      try {
        body = JSON.parse(text);
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('malformed JSON body');
        return;
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: new URL(req.url ?? '/', 'http://subgraph').search,
        body,
      },
      context: () => context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  } catch (error) {
    console.error('subgraph request failed', error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
}
