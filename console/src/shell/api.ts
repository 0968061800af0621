import type { TypedDocumentString } from '../gql/graphql';
import { currentSession, endSession } from './session';

/** A GraphQL error as the platform sends it: a code (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT …) and a message. */
export class GqlError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Which input field was at fault, where the platform says so. */
    readonly field?: string,
    /** Why a token was refused (EXPIRED, MISSING …), for UNAUTHENTICATED. */
    readonly reason?: string,
    /** Each input field at fault and why (BAD_USER_INPUT), for a form to show beside its field. */
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** One input field at fault, as the platform names it (`amount`, `points` …), in both languages. */
export interface FieldIssue {
  path: string;
  zh: string;
  en: string;
}

interface Answer<T> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; field?: string; path?: string; reason?: string; issues?: FieldIssue[] };
  }[];
}

export const GRAPHQL_PATH = '/graphql';

/** A command id per submission, so a retried click is applied once (the platform's idempotency keys). */
export const commandId = (): string => crypto.randomUUID();

/**
 * Runs a document against the platform with the signed-in person's token. A refused token ends the
 * session (the shell then shows the sign-in page with the reason); any other error is thrown as a GqlError.
 */
export async function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  const session = currentSession();
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(session ? { authorization: `Bearer ${session.token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new GqlError('NETWORK', '无法连接平台，请检查网络后重试 (cannot reach the platform)');
  }
  let answer: Answer<TResult>;
  try {
    answer = (await response.json()) as Answer<TResult>;
  } catch {
    throw new GqlError('NETWORK', `平台返回了无法识别的应答 (HTTP ${response.status})`);
  }
  const error = answer.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    if (code === 'UNAUTHENTICATED') endSession(error.extensions?.reason === 'EXPIRED' ? 'expired' : 'refused');
    throw new GqlError(
      code,
      error.message,
      error.extensions?.field ?? error.extensions?.path,
      error.extensions?.reason,
      error.extensions?.issues ?? [],
    );
  }
  if (!answer.data) throw new GqlError('INTERNAL_SERVER_ERROR', '平台没有返回数据 (no data)');
  return answer.data;
}
