import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionResult } from 'graphql';

const ZH: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: '查询语句语法错误',
  GRAPHQL_VALIDATION_FAILED: '查询不符合接口定义',
  BAD_USER_INPUT: '请求参数不符合接口定义',
  BAD_REQUEST: '请求须带 x-jixiao-csrf 头或 application/json 内容类型（防跨站请求伪造）',
};

/** Which stable code an uncoded gateway error gets: graphql-js variable coercion is bad user input. */
export function codeFor(message: string, phase: 'parse' | 'validate' | 'result'): string {
  if (message.startsWith('Required CSRF header')) return 'BAD_REQUEST';
  if (phase === 'parse') return 'GRAPHQL_PARSE_FAILED';
  if (phase === 'validate') return 'GRAPHQL_VALIDATION_FAILED';
  return /^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/.test(message)
    ? 'BAD_USER_INPUT'
    : 'GRAPHQL_VALIDATION_FAILED';
}

function withCode(
  error: GraphQLError | { message: string; extensions?: Record<string, unknown> },
  phase: 'parse' | 'validate' | 'result',
) {
  if (error.extensions?.['code']) return error;
  const code = codeFor(error.message, phase);
  const extensions = {
    ...error.extensions,
    code,
    messageZh: `${ZH[code]}：${error.message}`,
    messageEn: error.message,
  };
  return error instanceof GraphQLError
    ? new GraphQLError(error.message, { ...error, originalError: error.originalError ?? undefined, extensions })
    : { ...error, extensions };
}

/**
 * Gives every request error the gateway itself raises (syntax, validation, variable
 * coercion) a stable `extensions.code` and a Chinese message, as the subgraphs' errors have.
 */
export function JixiaoPluginErrorCodes(): GatewayPlugin {
  return {
    onValidate:
      () =>
      ({ result, setResult }) => {
        if (result.length) setResult(result.map((e) => withCode(e, 'validate') as GraphQLError));
      },
    onResultProcess({ result, setResult }) {
      const fix = (r: ExecutionResult) =>
        r.errors?.some((e) => !e.extensions?.['code'])
          ? { ...r, errors: r.errors.map((e) => withCode(e, 'result')) }
          : r;
      if (Array.isArray(result)) setResult(result.map((r) => fix(r as ExecutionResult)) as never);
      else if (result && typeof result === 'object' && 'errors' in result)
        setResult(fix(result as ExecutionResult) as never);
    },
  } as GatewayPlugin;
}

/** An error a subgraph answered with: it names the subgraph and a stable code, and was masked there. */
function subgraphError(
  error: unknown,
): { message: string; path?: readonly (string | number)[]; extensions: Record<string, unknown> } | null {
  const candidate = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const { message, extensions, path } = (candidate ?? {}) as {
    message?: unknown;
    path?: readonly (string | number)[];
    extensions?: Record<string, unknown>;
  };
  if (typeof message !== 'string' || typeof extensions?.['code'] !== 'string') return null;
  if (typeof extensions['serviceName'] !== 'string') return null;
  return { message, extensions, path: path ?? (error instanceof GraphQLError ? error.path : undefined) };
}

/**
 * The runtime's `maskedErrors.maskError`. GraphQL errors the gateway raised itself pass, as in
 * Yoga's default; so does an error a subgraph answered with (it carries `serviceName` and a
 * `code`; the subgraph already masked its internals). That matters for subscriptions: their
 * subgraph errors reach the runtime as plain objects and would otherwise all read
 * INTERNAL_SERVER_ERROR. Anything else unexpected is masked.
 */
export function maskUnexpectedErrors(error: unknown, message: string): Error {
  if (error instanceof GraphQLError && (!error.originalError || error.originalError instanceof GraphQLError)) {
    return error;
  }
  const fromSubgraph = subgraphError(error);
  if (fromSubgraph) return new GraphQLError(fromSubgraph.message, fromSubgraph);
  const http = error instanceof GraphQLError ? error.extensions?.['http'] : undefined;
  return new GraphQLError(message, {
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(http ? { http } : {}) },
  });
}
