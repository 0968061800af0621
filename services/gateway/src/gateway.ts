import {
  createGatewayRuntime,
  type GatewayConfigSupergraph,
  type GatewayRuntime,
  type TransportEntryAdditions,
} from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import http from '@graphql-mesh/transport-http';
import ws from '@graphql-mesh/transport-ws';
import { Kind, parse } from 'graphql';
import { ASSERTION_HEADER } from '@jixiao/service-kit';
import {
  ASSERTION_CONTEXT_KEY,
  JixiaoPluginAuthentication,
  publicSurface,
  type AuthenticationOptions,
} from './plugins/authentication';
import { JixiaoPluginErrorCodes } from './plugins/error-codes';
import { JixiaoPluginSubgraphUnavailable } from './plugins/unavailable';
import { JixiaoPluginLimits, type LimitsOptions } from './plugins/limits';
import { JixiaoPluginMalformedRequests } from './plugins/malformed-requests';
import { JixiaoPluginRateLimit, memoryRateLimiter, type RateLimiter } from './plugins/rate-limit';
import { corsFor, JixiaoPluginVaryOrigin } from './plugins/cors';
import { persistedDocumentsFor, type PersistedDocumentsOptions } from './plugins/persisted-documents';
import { JixiaoPluginGraphiQLAssets, renderGraphiQL } from './plugins/graphiql';

/**
 * Client request headers every subgraph receives. Nothing else passes: identity reaches the
 * subgraphs only as the gateway's signed assertion, so `x-jixiao-*` or `authorization` headers a
 * client sends are dropped here.
 */
export const FORWARDED_HEADERS = ['x-correlation-id'] as const;

/** Headers of which one must be present on a request a browser could send without a CORS preflight. */
export const CSRF_HEADERS = ['x-jixiao-csrf', 'apollo-require-preflight'];

/** Options of {@link createGateway}. */
export interface GatewayOptions {
  /** Supergraph SDL, as composed by `@jixiao/schema` (`readSupergraph()`). */
  supergraph: string;
  /**
   * Real URL per subgraph name (the `name` of `@join__graph`, e.g. `planning`), replacing
   * the placeholder routing URL in the supergraph. Subgraphs not listed keep that URL.
   * Throws if a name is not a subgraph of the supergraph.
   */
  subgraphUrls?: Record<string, string>;
  /**
   * graphql-ws URL per subgraph that serves subscriptions (e.g. `{ planning: 'ws://127.0.0.1:4002/graphql' }`).
   * The gateway opens one WebSocket per client subscription and sends the signed assertion in
   * its `connectionParams` (`x-jixiao-assertion`), which the subgraph checks on connect.
   */
  subscriptionUrls?: Record<string, string>;
  /**
   * Deployment environment; defaults to `process.env.NODE_ENV`. The landing page shows only
   * in `development`; GraphiQL is served unless `production`.
   */
  environment?: string;
  /** Runtime logging: `false` silences it, a level such as `'warn'` filters it. Default: info. */
  logging?: GatewayConfigSupergraph['logging'];
  /**
   * Bearer token verification, the secret shared with the subgraphs, and the public queries a request
   * without a token may run (公开; checked against the supergraph at start). Without public operations
   * there is no anonymous access.
   */
  auth: AuthenticationOptions;
  /** Per-user request budget. Default: 600 requests per minute, in memory. */
  rateLimiter?: RateLimiter;
  /** Depth, alias, cost, token and body limits (GraphQL Armor); see LimitsOptions for defaults. */
  limits?: LimitsOptions;
  /**
   * Exact origins a browser front end may call from (`https://console.example.gov.cn`); a request
   * from any other origin gets no CORS header. Default: none, CORS off.
   */
  corsOrigins?: readonly string[];
  /** Trusted documents clients may run by id, and whether only those run. Default: none, any document runs. */
  persistedDocuments?: PersistedDocumentsOptions;
  /** Extra gateway plugins (caching, tracing), added after the built-in ones. */
  plugins?: GatewayConfigSupergraph['plugins'];
}

/** A gateway runtime and how to release it. */
export interface Gateway {
  /** The runtime: a `node:http` request listener and a WHATWG `fetch` handler at `/graphql`. */
  handler: GatewayRuntime;
  /** Disposes the runtime (subgraph executors, planner, timers). */
  dispose(): Promise<void>;
}

/**
 * Creates the federation gateway: Hive Gateway runtime over a static supergraph, planned
 * by Hive's Rust query planner, calling subgraphs over HTTP.
 *
 * @example createGateway({ supergraph: readSupergraph(), subgraphUrls: { planning: 'http://127.0.0.1:4002/graphql' } })
 */
export function createGateway(options: GatewayOptions): Gateway {
  const environment = options.environment ?? process.env['NODE_ENV'];
  const production = environment === 'production';
  // a public query that reaches a signed-in query's types stops the start, before any request
  publicSurface(options.supergraph, options.auth.publicOperations ?? []);
  const auth = JixiaoPluginAuthentication(options.auth);
  const rateLimit = JixiaoPluginRateLimit({
    limiter: options.rateLimiter ?? memoryRateLimiter(600),
    // the public caller spends its address's budget
    keyOf: (request) => auth.rateKeyOf(request),
  });
  const limits = JixiaoPluginLimits({ blockFieldSuggestions: production, ...options.limits });
  const handler = createGatewayRuntime({
    supergraph: options.supergraph,
    unifiedGraphHandler,
    transports: { http, ws },
    transportEntries: subgraphLocations(options.supergraph, options.subgraphUrls ?? {}, options.subscriptionUrls ?? {}),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthcheck',
    readinessCheckEndpoint: '/readiness',
    landingPage: environment === 'development',
    graphiql: production ? false : { title: '绩效 Jixiao — GraphiQL' },
    renderGraphiQL,
    cors: corsFor(options.corsOrigins ?? []),
    persistedDocuments: options.persistedDocuments && persistedDocumentsFor(options.persistedDocuments),
    disableIntrospection: production ? {} : undefined,
    csrfPrevention: { requestHeaders: CSRF_HEADERS },
    logging: options.logging,
    propagateHeaders: {
      fromClientToSubgraphs: async ({ request }) => ({
        ...Object.fromEntries(FORWARDED_HEADERS.map((name) => [name, request.headers.get(name)])),
        [ASSERTION_HEADER]: await auth.assertionOf(request),
      }),
    },
    plugins: (context) => [
      ...(production ? [] : [JixiaoPluginGraphiQLAssets()]),
      ...(options.corsOrigins?.length ? [JixiaoPluginVaryOrigin()] : []),
      JixiaoPluginErrorCodes(),
      JixiaoPluginSubgraphUnavailable(),
      JixiaoPluginMalformedRequests(),
      auth,
      rateLimit,
      ...limits,
      ...(options.plugins?.(context) ?? []),
    ],
  });
  return { handler, dispose: async () => handler.dispose() };
}

/**
 * Turns `{ name: url }` into transport entries whose `location` overrides the supergraph's URL;
 * a subgraph with a subscription URL gets graphql-ws for its subscriptions (Hive's default, SSE,
 * is refused by Apollo Server's CSRF prevention).
 */
function subgraphLocations(
  supergraph: string,
  urls: Record<string, string>,
  wsUrls: Record<string, string>,
): TransportEntryAdditions {
  const known = subgraphNames(supergraph);
  const unknown = [...new Set([...Object.keys(urls), ...Object.keys(wsUrls)])].filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `subgraphUrls names ${unknown.map((n) => `"${n}"`).join(', ')}, not in the supergraph (subgraphs: ${known.join(', ')})`,
    );
  }
  const entries: TransportEntryAdditions = Object.fromEntries(
    Object.entries(urls).map(([name, location]) => [name, { location }]),
  );
  for (const [name, location] of Object.entries(wsUrls)) {
    entries[name] = {
      ...entries[name],
      options: {
        subscriptions: {
          kind: 'ws',
          location,
          // interpolated per subscription from the gateway context, so each gets its own socket
          options: { connectionParams: { [ASSERTION_HEADER]: `{context.${ASSERTION_CONTEXT_KEY}}` } },
        },
      },
    };
  }
  return entries;
}

/** Subgraph names declared by `enum join__Graph { X @join__graph(name: "x", url: "...") }`. */
function subgraphNames(supergraph: string): string[] {
  const joinGraph = parse(supergraph).definitions.find(
    (node) => node.kind === Kind.ENUM_TYPE_DEFINITION && node.name.value === 'join__Graph',
  );
  if (joinGraph?.kind !== Kind.ENUM_TYPE_DEFINITION) return [];
  return (joinGraph.values ?? []).flatMap((value) =>
    (value.directives ?? [])
      .filter((directive) => directive.name.value === 'join__graph')
      .flatMap((directive) => directive.arguments ?? [])
      .flatMap((arg) => (arg.name.value === 'name' && arg.value.kind === Kind.STRING ? [arg.value.value] : [])),
  );
}
