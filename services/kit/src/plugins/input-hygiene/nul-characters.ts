import { invalid, type FieldIssue } from '@jixiao/events';
import type { MiddlewareFn } from 'type-graphql';

/** Paths of every string inside `value` that contains a NUL character. */
export function nulPaths(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulPaths(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => nulPaths(item, path ? `${path}.${key}` : key));
  }
  return [];
}

/**
 * A type-graphql middleware on every Query and Mutation field: an argument containing a NUL character is refused as
 * BAD_USER_INPUT before any resolver sees it. SQLite's SQL parser stops at NUL, so such a value
 * would otherwise surface as an internal error (found by the fuzz test).
 */
export const RejectNulCharacters: MiddlewareFn = ({ args }, next) => {
  const issues: FieldIssue[] = nulPaths(args, '').map((path) => ({
    path,
    zh: '含有不可见的空字符（\\u0000），请删除后重试',
    en: 'Contains a NUL character (\\u0000); remove it and retry',
  }));
  if (issues.length > 0) throw invalid(issues);
  return next();
};
