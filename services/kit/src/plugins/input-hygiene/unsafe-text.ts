import { invalid, type FieldIssue } from '@jixiao/events';
import type { MiddlewareFn } from 'type-graphql';

/** Characters no text of the platform may hold, each with what the caller is told. */
const UNSAFE: readonly { pattern: RegExp; zh: string; en: string }[] = [
  {
    // SQLite's SQL parser stops at NUL
    pattern: /\u0000/,
    zh: '含有不可见的空字符（\\u0000），请删除后重试',
    en: 'Contains a NUL character (\\u0000); remove it and retry',
  },
  {
    // a UTF-16 half without its other half is no character: PostgreSQL refuses it in JSON and text
    pattern: /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
    zh: '含有不成对的 UTF-16 代理项（如 \\ud800），不是有效字符，请删除后重试',
    en: 'Contains a lone UTF-16 surrogate (such as \\ud800), which is not a character; remove it and retry',
  },
  {
    // tab, line feed and carriage return are text; the other C0 controls and DEL are not
    pattern: /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/,
    zh: '含有不可见的控制字符，请删除后重试',
    en: 'Contains an invisible control character; remove it and retry',
  },
];

/** One issue per string inside `value` that holds a character no text may hold, named by its path. */
export function unsafeTextIssues(value: unknown, path: string): FieldIssue[] {
  if (typeof value === 'string') {
    const unsafe = UNSAFE.find(({ pattern }) => pattern.test(value));
    return unsafe ? [{ path, zh: unsafe.zh, en: unsafe.en }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unsafeTextIssues(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => unsafeTextIssues(item, path ? `${path}.${key}` : key));
  }
  return [];
}

/**
 * A middleware on every Query and Mutation field: an argument holding a NUL character, a lone UTF-16
 * surrogate or another control character (tab and line breaks excepted) is refused as BAD_USER_INPUT
 * before any resolver sees it. Each would otherwise reach the database and surface as an internal
 * error (found by the fuzz test).
 */
export const RejectUnsafeText: MiddlewareFn = ({ args }, next) => {
  const issues = unsafeTextIssues(args, '');
  if (issues.length > 0) throw invalid(issues);
  return next();
};
