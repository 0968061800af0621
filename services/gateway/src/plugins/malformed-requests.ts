import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionResult } from 'graphql';

type RequestParser = (request: Request) => unknown;

/** A request that is not a GraphQL-over-HTTP request at all: HTTP 400, BAD_REQUEST, in both languages. */
function badRequest(zh: string, en: string): GraphQLError {
  return new GraphQLError(en, {
    extensions: { code: 'BAD_REQUEST', messageZh: zh, messageEn: en, http: { status: 400 } },
  });
}

/** Yoga's `spec` flag answers some malformed requests 200 (under `application/json`): drop it, keep the 400. */
function withoutSpecStatus(error: GraphQLError): GraphQLError {
  const http = error.extensions?.['http'] as { spec?: boolean; status?: number } | undefined;
  if (error.extensions?.['code'] !== 'BAD_REQUEST' || !http?.spec) return error;
  const { spec: _spec, ...rest } = http;
  return new GraphQLError(error.message, {
    originalError: error.originalError ?? undefined,
    extensions: { ...error.extensions, http: { ...rest, status: rest.status ?? 400 } },
  });
}

/**
 * Malformed requests get HTTP 400 and BAD_REQUEST, never 500 and never 200:
 * - a GET whose `variables` or `extensions` is not JSON (Yoga's GET parser lets `JSON.parse` throw,
 *   which the runtime masks as an internal error);
 * - a body without a query (`{}`, `{"query": null}`) or with invalid JSON, which Yoga answers 200
 *   when the client accepts `application/json`, unlike every other malformed body.
 * Documents that parse but do not validate keep the GraphQL-over-HTTP status rules.
 */
export function JixiaoPluginMalformedRequests(): GatewayPlugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      const parse = requestParser as RequestParser | undefined;
      if (!parse) return;
      setRequestParser((async (request: Request) => {
        try {
          return await parse(request);
        } catch (error) {
          if (error instanceof GraphQLError) throw error;
          throw badRequest(
            '请求参数 variables 或 extensions 不是合法的 JSON',
            'The request parameters variables or extensions are not valid JSON',
          );
        }
      }) as never);
    },
    onResultProcess({ result, setResult }) {
      const fix = (r: ExecutionResult) =>
        r.errors?.some((e) => e !== withoutSpecStatus(e)) ? { ...r, errors: r.errors.map(withoutSpecStatus) } : r;
      if (Array.isArray(result)) setResult(result.map((r) => fix(r as ExecutionResult)) as never);
      else if (result && typeof result === 'object' && 'errors' in result)
        setResult(fix(result as ExecutionResult) as never);
    },
  } as GatewayPlugin;
}
