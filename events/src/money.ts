import { z } from 'zod';
import type { FieldIssue } from './errors';

/**
 * Money is exact: integer fen (分, 1/100 yuan) in events, commands and read models, a decimal
 * yuan string at the edges ("5000000.00"), never a float. 10^12 yuan is 10^14 fen, well inside
 * the integers a double holds exactly (2^53), so fen travel as JSON numbers; sums go through
 * `sumFen`, which adds as bigint and refuses a total it could not hold exactly.
 */
export type Fen = number;

/** The largest amount the platform accepts: 1 万亿 (10^12) yuan. */
export const MAX_YUAN = 1_000_000_000_000;
export const MAX_FEN: Fen = MAX_YUAN * 100;

/** An amount in an event: whole fen, 0 to 10^12 yuan. */
export const fenSchema = z.number().int().min(0).max(MAX_FEN);

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** Why a text is not an amount of money, in the user's terms; null when it is one. */
export function moneyTextProblem(text: string): { zh: string; en: string } | null {
  const match = text.length <= 40 ? DECIMAL.exec(text) : null;
  if (!match) {
    return {
      zh: `金额「${text.slice(0, 40)}」格式不对，应为以元为单位的十进制数，至多两位小数，如 "5000000.00"`,
      en: `Amount "${text.slice(0, 40)}" is not a decimal number of yuan with at most two decimals, e.g. "5000000.00"`,
    };
  }
  if (BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0')) > BigInt(MAX_FEN)) {
    return {
      zh: `金额 ${text} 超出上限，金额不能超过 1 万亿元`,
      en: `Amount ${text} is too large; the limit is 10^12 yuan`,
    };
  }
  return null;
}

/** "5000000.00" → 500000000 fen; throws a RangeError carrying `zh`/`en` when the text is not an amount. */
export function parseYuan(text: string): Fen {
  const problem = moneyTextProblem(text);
  if (problem) throw Object.assign(new RangeError(problem.en), problem);
  const [, sign, whole, decimals = ''] = DECIMAL.exec(text)!;
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  return sign === '-' && fen !== 0 ? -fen : fen;
}

/** 500000000 fen → "5000000.00" (no grouping: the GraphQL form). */
export function formatYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  const abs = Math.abs(fen);
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return fen < 0 ? `-${text}` : text;
}

/** 500000000 fen → "5,000,000.00" for messages and exports. */
export function displayYuan(fen: Fen): string {
  const [whole, decimals] = formatYuan(fen).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${decimals}`;
}

/**
 * A yuan amount stored as a float by schema versions before exact money, in whole fen. Those
 * amounts were entered with at most two decimals, so the nearest fen is the amount entered
 * (`0.29 * 100` is 28.999999999999996; it rounds to 29).
 */
export function fenOfStoredYuan(yuan: number): Fen {
  return Math.round(yuan * 100);
}

/** The exact sum of amounts in fen; throws when it could not be held exactly. */
export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0n;
  for (const fen of amounts) total += BigInt(fen);
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`sum of money ${total} fen exceeds what is held exactly`);
  }
  return Number(total);
}

/**
 * The problems of an amount a command carries, at `path`: whole fen, not above the limit, more
 * than 0 when `positive` (an allocation) or 0 and more otherwise (a goal's amount).
 */
export function moneyIssues(
  fen: Fen,
  path: string,
  label: { zh: string; en: string },
  rule: 'positive' | 'nonnegative',
): FieldIssue[] {
  if (!Number.isSafeInteger(fen)) {
    return [
      { path, zh: `${label.zh}无效，应为以元计、至多两位小数的金额`, en: `${label.en} is not an amount of yuan` },
    ];
  }
  if (rule === 'positive' ? fen <= 0 : fen < 0) {
    const zh = rule === 'positive' ? '应大于 0' : '应不小于 0';
    const en = rule === 'positive' ? 'must be more than 0' : 'must be 0 or more';
    return [{ path, zh: `${label.zh} ${displayYuan(fen)} 元无效，${zh}`, en: `${label.en} ${formatYuan(fen)} ${en}` }];
  }
  if (fen > MAX_FEN) {
    return [{ path, zh: `${label.zh}超出上限，不能超过 1 万亿元`, en: `${label.en} exceeds the limit of 10^12 yuan` }];
  }
  return [];
}
