import {
  createGatewayRuntime,
  type GatewayConfigSupergraph,
  type GatewayRuntime,
  type TransportEntryAdditions,
} from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import http from '@graphql-mesh/transport-http';
import { Kind, parse } from 'graphql';
import { JixiaoPluginErrorCodes } from './plugins/error-codes';

/** Client request headers every subgraph receives: the caller's identity and the trace id. */
export const FORWARDED_HEADERS = [
  'authorization',
  'x-correlation-id',
  // interim caller identity, replaced by verified JWT claims in the identity issue
  'x-jixiao-user',
  'x-jixiao-role',
  'x-jixiao-unit',
] as const;

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
   * Deployment environment; defaults to `process.env.NODE_ENV`. The landing page shows only
   * in `development`; GraphiQL is served unless `production`.
   */
  environment?: string;
  /** Runtime logging: `false` silences it, a level such as `'warn'` filters it. Default: info. */
  logging?: GatewayConfigSupergraph['logging'];
  /** Extra gateway plugins (auth, limits, caching), added after the built-in ones. */
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
  const handler = createGatewayRuntime({
    supergraph: options.supergraph,
    unifiedGraphHandler,
    transports: { http },
    transportEntries: subgraphLocations(options.supergraph, options.subgraphUrls ?? {}),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthcheck',
    readinessCheckEndpoint: '/readiness',
    landingPage: environment === 'development',
    graphiql: environment !== 'production',
    logging: options.logging,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) =>
        Object.fromEntries(FORWARDED_HEADERS.map((name) => [name, request.headers.get(name)])),
    },
    plugins: (context) => [JixiaoPluginErrorCodes(), ...(options.plugins?.(context) ?? [])],
  });
  return { handler, dispose: async () => handler.dispose() };
}

/** Turns `{ name: url }` into transport entries whose `location` overrides the supergraph's URL. */
function subgraphLocations(supergraph: string, urls: Record<string, string>): TransportEntryAdditions {
  const known = subgraphNames(supergraph);
  const unknown = Object.keys(urls).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `subgraphUrls names ${unknown.map((n) => `"${n}"`).join(', ')}, not in the supergraph (subgraphs: ${known.join(', ')})`,
    );
  }
  return Object.fromEntries(Object.entries(urls).map(([name, location]) => [name, { location }]));
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
