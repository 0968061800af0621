import type { GatewayConfigSupergraph, GatewayPlugin } from '@graphql-hive/gateway-runtime';

/** Methods a browser on an allowed origin may use: GraphQL over HTTP needs no other. */
export const CORS_METHODS = ['GET', 'POST'];

/** Request headers a browser on an allowed origin may send (the token, the CSRF header, a correlation id). */
export const CORS_ALLOWED_HEADERS = ['content-type', 'authorization', 'x-jixiao-csrf', 'x-correlation-id'];

/** Response headers a browser script may read: how long to wait after a rate-limit refusal. */
export const CORS_EXPOSED_HEADERS = ['retry-after'];

/** How long a browser may reuse a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * The runtime's `cors` option for a list of exact origins (`https://console.example.gov.cn`): a request
 * from one of them gets `Access-Control-Allow-Origin` with that origin, any other (or none) gets no
 * CORS header at all. An empty list turns CORS off. No credentials: the token travels in
 * `Authorization`, never in a cookie.
 */
export function corsFor(origins: readonly string[]): GatewayConfigSupergraph['cors'] {
  if (origins.length === 0) return false;
  const allowed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false;
    return {
      origin: [origin],
      methods: CORS_METHODS,
      allowedHeaders: CORS_ALLOWED_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      credentials: false,
      maxAge: PREFLIGHT_MAX_AGE,
    };
  };
}

/** Caches must keep one answer per `Origin` when answers depend on it: adds `Vary: Origin` to every response. */
export function JixiaoPluginVaryOrigin(): GatewayPlugin {
  return {
    onResponse({ response }) {
      response.headers.append('vary', 'Origin');
    },
  } as GatewayPlugin;
}
