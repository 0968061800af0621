/**
 * Domain errors: the few typed classes domain code throws. The GraphQL edge maps
 * each to a stable `extensions.code`; clients match codes, never class names.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  ILLEGAL_STATE = 'ILLEGAL_STATE',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** Too many requests from this user in the current window; wait and retry. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The change was recorded but queries do not show it yet; query again, or retry with the same command id. */
  NOT_YET_VISIBLE = 'NOT_YET_VISIBLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** A message a user reads, in Chinese first and English second. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One problem with one input field, e.g. `indicators[2].points`. */
export interface FieldIssue {
  path: string;
  zh: string;
  en: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly zh: string;
  readonly en: string;

  constructor(
    text: Bilingual,
    readonly issues: FieldIssue[] = [],
  ) {
    super(`${text.zh} (${text.en})`);
    this.zh = text.zh;
    this.en = text.en;
    this.name = new.target.name;
  }
}

/** Input breaks a domain rule; fix the input and try again. */
export class ValidationError extends DomainError {
  readonly code = ErrorCode.BAD_USER_INPUT;
}

/** The command is not allowed in the aggregate's current state. */
export class IllegalStateError extends DomainError {
  readonly code = ErrorCode.ILLEGAL_STATE;
}

export class NotFoundError extends DomainError {
  readonly code = ErrorCode.NOT_FOUND;
}

/** Someone else changed the stream first; reload and retry. */
export class ConcurrencyError extends DomainError {
  readonly code = ErrorCode.CONFLICT;
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | null,
  ) {
    super({
      zh: `数据已被他人修改：${streamId} 期望版本 ${expectedVersion}，实际版本 ${actualVersion ?? '未知'}，请刷新后重试`,
      en: `Stream ${streamId} was changed by someone else: expected version ${expectedVersion}, found ${actualVersion ?? 'unknown'}; reload and retry`,
    });
  }
}

/** The events were appended, but the read models did not catch up in time. */
export class NotYetVisibleError extends DomainError {
  readonly code = ErrorCode.NOT_YET_VISIBLE;
}

/** The caller's role may not run this operation at all (a row out of scope is NotFoundError instead). */
export class ForbiddenError extends DomainError {
  readonly code = ErrorCode.FORBIDDEN;
}

/** No valid token: missing, forged, expired or meant for another audience. */
export class UnauthenticatedError extends DomainError {
  readonly code = ErrorCode.UNAUTHENTICATED;
  constructor(
    text: Bilingual,
    /** Why the token was refused: MISSING, EXPIRED, WRONG_AUDIENCE, WRONG_ISSUER, BAD_SIGNATURE, INVALID, PROVIDER_UNAVAILABLE. */
    readonly reason: string,
  ) {
    super(text);
  }
}

/** Shorthand for a validation error built from field issues. */
export function invalid(issues: FieldIssue[]): ValidationError {
  const summaryZh = issues.map((i) => `${i.path}: ${i.zh}`).join('；');
  const summaryEn = issues.map((i) => `${i.path}: ${i.en}`).join('; ');
  return new ValidationError({ zh: `输入有误：${summaryZh}`, en: `Invalid input: ${summaryEn}` }, issues);
}

/** The issue at `path` when a rule is `broken`, none otherwise — spread the results into one list. */
export const issueIf = (broken: boolean, path: string, zh: string, en: string): FieldIssue[] =>
  broken ? [{ path, zh, en }] : [];

/** Empty or only spaces (null counts as blank). */
export const isBlank = (text: string | null | undefined): boolean => (text ?? '').trim() === '';
