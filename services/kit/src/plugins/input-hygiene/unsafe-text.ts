import { invalid, type FieldIssue } from '@jixiao/events';
import { isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';

/** The longest `ID` accepted: ids are UUIDs or short names; a longer one would only burden indexes. */
export const MAX_ID_LENGTH = 128;

/** The issue of an identifier longer than {@link MAX_ID_LENGTH}, none for a shorter one (or none). */
export const overlongId = (path: string, id: string | null | undefined): FieldIssue[] =>
  (id?.length ?? 0) > MAX_ID_LENGTH
    ? [
        {
          path,
          zh: `标识超过 ${MAX_ID_LENGTH} 个字符，请改用较短的标识（如 UUID）`,
          en: `An identifier longer than ${MAX_ID_LENGTH} characters; use a shorter one (such as a UUID)`,
        },
      ]
    : [];

/** Characters no text of the platform may hold, each with what the caller is told. */
const UNSAFE: readonly { pattern: RegExp; zh: string; en: string }[] = [
  {
    // SQLite's SQL parser stops at NUL
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
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
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    pattern: /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/,
    zh: '含有不可见的控制字符，请删除后重试',
    en: 'Contains an invisible control character; remove it and retry',
  },
];

/**
 * One issue per string inside `value` that holds a character no text may hold, or, where `type` says
 * it is an `ID`, that is longer than {@link MAX_ID_LENGTH}; named by its path.
 */
export function unsafeTextIssues(value: unknown, path: string, type?: GraphQLInputType): FieldIssue[] {
  const nullable = type && isNonNullType(type) ? type.ofType : type;
  if (typeof value === 'string') {
    const unsafe = UNSAFE.find(({ pattern }) => pattern.test(value));
    if (unsafe) return [{ path, zh: unsafe.zh, en: unsafe.en }];
    const isId = nullable && isScalarType(nullable) && nullable.name === 'ID';
    return isId ? overlongId(path, value) : [];
  }
  if (Array.isArray(value)) {
    const item = nullable && isListType(nullable) ? (nullable.ofType as GraphQLInputType) : undefined;
    return value.flatMap((v, i) => unsafeTextIssues(v, `${path}[${i}]`, item));
  }
  if (value && typeof value === 'object') {
    const fields = nullable && isInputObjectType(nullable) ? nullable.getFields() : undefined;
    return Object.entries(value).flatMap(([key, item]) =>
      unsafeTextIssues(item, path ? `${path}.${key}` : key, fields?.[key]?.type),
    );
  }
  return [];
}

/**
 * A middleware on every Query and Mutation field: an argument holding a NUL character, a lone UTF-16
 * surrogate or another control character (tab and line breaks excepted), or an `ID` longer than
 * {@link MAX_ID_LENGTH}, is refused as BAD_USER_INPUT before any resolver sees it. Each would
 * otherwise reach the database: an internal error, or a 100,000-character command id in the store
 * (found by the fuzz test).
 */
export const RejectUnsafeText: MiddlewareFn = ({ args, info }, next) => {
  const types = new Map(info.parentType.getFields()[info.fieldName]?.args.map((a) => [a.name, a.type]));
  const issues = Object.entries(args).flatMap(([name, value]) => unsafeTextIssues(value, name, types.get(name)));
  if (issues.length > 0) throw invalid(issues);
  return next();
};
