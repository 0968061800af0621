import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, ErrorCode } from '@jixiao/events';

/** Options of {@link JixiaoFormatError}. */
export interface ErrorMaskingOptions {
  /** Where unexpected errors are reported with their correlation id; defaults to console.error. */
  log?: (correlationId: string, error: unknown) => void;
}

const PASS_THROUGH = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
]);

/** A domain error thrown outside a resolver (context creation), as a GraphQLError with its HTTP status. */
export function toGraphQLError(error: unknown, status: number): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (!(error instanceof DomainError)) {
    // unexpected: masked like any other internal error, never its message
    const correlationId = randomUUID();
    console.error(`[${correlationId}]`, error);
    return new GraphQLError(
      `服务器内部错误，请将关联编号 ${correlationId} 告知运维人员 (Internal server error; quote correlation id ${correlationId})`,
      { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId, http: { status: 500 } } },
    );
  }
  const reason = (error as { reason?: string }).reason;
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      messageZh: error.zh,
      messageEn: error.en,
      ...(reason ? { reason } : {}),
      http: { status },
    },
  });
}

/**
 * Apollo Server `formatError`: a DomainError becomes its stable `extensions.code` with the
 * message in Chinese and English and the fields at fault; GraphQL's own request errors
 * pass through; anything else is masked to INTERNAL_SERVER_ERROR with a correlation id
 * that the server log carries too. Stack traces never leave the server.
 */
export function JixiaoFormatError(options: ErrorMaskingOptions = {}) {
  const log = options.log ?? ((id, error) => console.error(`[${id}]`, error));
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: {
          code: original.code,
          messageZh: original.zh,
          messageEn: original.en,
          ...(original.issues.length ? { issues: original.issues } : {}),
        },
      };
    }
    const code = String(formatted.extensions?.['code'] ?? '');
    if (PASS_THROUGH.has(code)) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const correlationId = randomUUID();
    log(correlationId, original);
    return {
      message: `服务器内部错误，请将关联编号 ${correlationId} 告知运维人员 (Internal server error; quote correlation id ${correlationId})`,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId },
    };
  };
}
