import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

const OPENING: ReadonlySet<string> = new Set([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING: ReadonlySet<string> = new Set([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/** How many `{`, `[` and `(` characters the text holds: nesting can never be deeper. */
function openingCharacters(source: string): number {
  let count = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x7b || c === 0x5b || c === 0x28) count++;
  }
  return count;
}

/**
 * Whether braces, brackets and parentheses in `source` nest deeper than `max`, read with graphql's
 * own lexer (strings and comments do not count) and without recursion. A lexical error ends the
 * scan: the parser reports it.
 */
export function nestsDeeperThan(source: string, max: number): boolean {
  if (openingCharacters(source) <= max) return false;
  const lexer = new Lexer(new Source(source));
  let depth = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (OPENING.has(token.kind) && ++depth > max) return true;
      if (CLOSING.has(token.kind)) depth--;
    }
  } catch {
    return false;
  }
  return false;
}

/**
 * Refuses a document whose selection sets, lists, objects or arguments nest deeper than `max`
 * before graphql-js parses it: its parser recurses once per level, so `[[[…]]]` 5,000 deep
 * overflows the stack (RangeError, an internal error) long before the token limit is reached.
 */
export function nestingLimit(max: number): GatewayPlugin {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        const text = typeof source === 'string' ? source : source.body;
        if (nestsDeeperThan(text, max)) {
          const zh = `查询语句的括号嵌套超过 ${max} 层上限`;
          const en = `Syntax Error: the document nests brackets deeper than the limit of ${max}`;
          throw new GraphQLError(en, { extensions: { code: 'GRAPHQL_PARSE_FAILED', messageZh: zh, messageEn: en } });
        }
        return parseFn(source, options);
      });
    },
  } as GatewayPlugin;
}
