/**
 * The platform's rule for an amount of yuan (events/src/money.ts), mirrored for inline validation:
 * a decimal string with at most two decimals, more than 0, at most 1 万亿元. Amounts are compared in
 * fen as BigInt — never as floats. The platform still decides; this only spares a round trip.
 */
const MONEY = /^\d{1,13}(\.\d{1,2})?$/;
const MAX_FEN = 10n ** 14n;

/** Fen of a decimal yuan string, or null where it is not one. */
export function fenOf(yuan: string): bigint | null {
  const text = yuan.trim();
  if (!MONEY.test(text)) return null;
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** Decimal yuan string of fen: 12345n → "123.45". */
export const yuanOf = (fen: bigint): string =>
  `${fen < 0n ? '-' : ''}${(fen < 0n ? -fen : fen) / 100n}.${String((fen < 0n ? -fen : fen) % 100n).padStart(2, '0')}`;

/** What is wrong with an amount (Chinese, as the platform says it), or null. `left` caps it, in fen. */
export function moneyProblem(yuan: string | undefined, what: string, left?: bigint): string | null {
  if (!yuan?.trim()) return `请填写${what}`;
  const fen = fenOf(yuan);
  if (fen === null) return `${what}无效，应为以元计、至多两位小数的金额`;
  if (fen <= 0n) return `${what}应大于 0`;
  if (fen > MAX_FEN) return `${what}超出上限，不能超过 1 万亿元`;
  if (left !== undefined && fen > left) return `${what}超过尚未安排的申请金额 ${yuanOf(left)} 元`;
  return null;
}
