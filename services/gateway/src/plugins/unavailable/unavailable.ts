import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionResult } from 'graphql';

/** Node's codes for a connection that could not be made or was cut. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** Whether an error (or anything it wraps) says the subgraph could not be reached. */
export function isUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; cause?: unknown; originalError?: unknown; errors?: unknown; message?: unknown };
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  if (e.message === 'fetch failed') return true;
  return (
    isUnreachable(e.cause, depth + 1) ||
    isUnreachable(e.originalError, depth + 1) ||
    (Array.isArray(e.errors) && e.errors.some((inner) => isUnreachable(inner, depth + 1)))
  );
}

/** The answer for a subgraph that cannot be reached: which service, in the user's terms, no address or stack. */
export function unavailable(subgraphName: string): GraphQLError {
  const zh = `「${subgraphName}」服务暂时不可用，请稍后重试`;
  const en = `The ${subgraphName} service is temporarily unavailable; try again shortly`;
  return new GraphQLError(`${zh} (${en})`, {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      serviceName: subgraphName,
      messageZh: zh,
      messageEn: en,
      http: { status: 503, headers: { 'retry-after': '1' } },
    },
  });
}

/** The identity provider's signing keys out of reach: its refusal's words, as 503 with `Retry-After`. */
export function identityProviderUnavailable(refusal: { message: string; zh: string; en: string; reason: string }) {
  return new GraphQLError(refusal.message, {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      serviceName: 'identity-provider',
      reason: refusal.reason,
      messageZh: refusal.zh,
      messageEn: refusal.en,
      http: { status: 503, headers: { 'retry-after': '5' } },
    },
  });
}

/**
 * A subgraph that cannot be reached (refused, reset, timed out — a service restarting, say) is
 * answered as 503 SERVICE_UNAVAILABLE naming the service, with `Retry-After`, instead of a masked
 * 500: the client may retry, and the fields other subgraphs serve are still answered.
 */
export function JixiaoPluginSubgraphUnavailable(): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName, executor, setExecutor }) {
      const answered = async (request: Parameters<typeof executor>[0]) => {
        try {
          const result = await executor(request);
          const errors = (result as ExecutionResult).errors;
          if (!errors?.some((e) => isUnreachable(e))) return result;
          return { ...(result as ExecutionResult), errors: [unavailable(subgraphName)] };
        } catch (error) {
          if (isUnreachable(error)) return { errors: [unavailable(subgraphName)] };
          throw error;
        }
      };
      setExecutor(answered as typeof executor);
    },
  } as GatewayPlugin;
}
