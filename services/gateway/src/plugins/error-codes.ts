import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionResult } from 'graphql';

const ZH: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: '查询语句语法错误',
  GRAPHQL_VALIDATION_FAILED: '查询不符合接口定义',
  BAD_USER_INPUT: '请求参数不符合接口定义',
  BAD_REQUEST: '请求格式不正确',
  INTERNAL_SERVER_ERROR: '服务器内部错误',
};
const CSRF_ZH = '请求须带 x-jixiao-csrf 头或 application/json 内容类型（防跨站请求伪造）';

/** Which stable code an uncoded gateway error gets: graphql-js variable coercion is bad user input. */
export function codeFor(message: string, phase: 'parse' | 'validate' | 'result'): string {
  if (message.startsWith('Required CSRF header')) return 'BAD_REQUEST';
  if (phase === 'parse') return 'GRAPHQL_PARSE_FAILED';
  if (phase === 'validate') return 'GRAPHQL_VALIDATION_FAILED';
  return /^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/.test(message)
    ? 'BAD_USER_INPUT'
    : 'GRAPHQL_VALIDATION_FAILED';
}

/** The Chinese lead of an error's `messageZh`, before the runtime's English message. */
export function chineseFor(code: string, message: string): string {
  if (message.startsWith('Required CSRF header')) return CSRF_ZH;
  return ZH[code] ?? '请求未能完成';
}

/** The error with a code (its own, or one by phase) and `messageZh` / `messageEn`, unless it has them. */
function withCode(
  error: GraphQLError | { message: string; extensions?: Record<string, unknown> },
  phase: 'parse' | 'validate' | 'result',
) {
  if (error.extensions?.['code'] && error.extensions['messageZh']) return error;
  const code = String(error.extensions?.['code'] ?? codeFor(error.message, phase));
  const extensions = {
    ...error.extensions,
    code,
    messageZh: `${chineseFor(code, error.message)}：${error.message}`,
    messageEn: error.message,
  };
  return error instanceof GraphQLError
    ? new GraphQLError(error.message, {
        nodes: error.nodes,
        source: error.source,
        positions: error.positions,
        path: error.path,
        originalError: error.originalError ?? undefined,
        extensions,
      })
    : { ...error, extensions };
}

const asGraphQLError = (
  e: GraphQLError | { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> },
) => (e instanceof GraphQLError ? e : new GraphQLError(e.message, { path: e.path, extensions: e.extensions }));

/**
 * Gives every error a stable `extensions.code` and a message in Chinese and English: errors the
 * gateway raises itself (syntax, validation, variable coercion, malformed requests) and coded
 * errors that arrive without `messageZh` (the runtime's own, a subgraph's GraphQL errors).
 */
export function JixiaoPluginErrorCodes(): GatewayPlugin {
  return {
    // a subscription's subgraph errors arrive as plain objects: make them errors the runtime keeps
    onSubgraphExecute: () => (done: { result: unknown }) =>
      done.result && typeof done.result === 'object' && Symbol.asyncIterator in done.result
        ? {
            onNext({ result, setResult }: { result: ExecutionResult; setResult(r: ExecutionResult): void }) {
              if (result.errors?.some((e) => !(e instanceof GraphQLError))) {
                setResult({ ...result, errors: result.errors.map(asGraphQLError) });
              }
            },
          }
        : undefined,
    onValidate:
      () =>
      ({ result, setResult }) => {
        if (result.length) setResult(result.map((e) => withCode(e, 'validate') as GraphQLError));
      },
    onResultProcess({ result, setResult }) {
      const fix = (r: ExecutionResult) =>
        r.errors?.some((e) => !e.extensions?.['code'] || !e.extensions['messageZh'])
          ? { ...r, errors: r.errors.map((e) => withCode(e, 'result')) }
          : r;
      if (Array.isArray(result)) setResult(result.map((r) => fix(r as ExecutionResult)) as never);
      else if (result && typeof result === 'object' && 'errors' in result)
        setResult(fix(result as ExecutionResult) as never);
    },
  } as GatewayPlugin;
}
