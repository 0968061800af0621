/**
 * Exact arithmetic for scores: a number is read as the decimal it prints as (0.1 is 1/10, not the nearest
 * double), formulas are worked as fractions of big integers, and only the result is rounded — to hundredths of a
 * point, half up, in `toHundredths` alone. So 25 × 0.7 is 17.5 exactly, and 1.005 rounds to 1.01.
 */
export interface Ratio {
  readonly n: bigint;
  /** Always positive. */
  readonly d: bigint;
}

/** The decimal a finite number prints as, e.g. `ratio(18.75)` is 1875/100 and `ratio(1e-7)` is 1/10000000. */
export function ratio(x: number): Ratio {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const [mantissa = '0', exponent = '0'] = x.toString().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? { n: digits, d: 10n ** BigInt(scale) } : { n: digits * 10n ** BigInt(-scale), d: 1n };
}

export const ZERO: Ratio = { n: 0n, d: 1n };
export const ONE: Ratio = { n: 1n, d: 1n };

export const mul = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.n, d: a.d * b.d });
export const add = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const sub = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
/** a ÷ b; b must not be zero (the callers decide what a zero divisor means before they divide). */
export function div(a: Ratio, b: Ratio): Ratio {
  if (b.n === 0n) throw new RangeError('division by zero');
  return b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n };
}
/** Negative when a < b, zero when equal, positive when a > b. */
export const compare = (a: Ratio, b: Ratio): number => {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
};
export const min = (a: Ratio, b: Ratio): Ratio => (compare(a, b) <= 0 ? a : b);
export const max = (a: Ratio, b: Ratio): Ratio => (compare(a, b) >= 0 ? a : b);
export const abs = (a: Ratio): Ratio => (a.n < 0n ? { n: -a.n, d: a.d } : a);

/** The one rounding of the scoring module: to whole hundredths of a point, half away from zero (half up). */
export function toHundredths(r: Ratio): bigint {
  const twice = r.n * 200n;
  const sign = twice < 0n ? -1n : 1n;
  return (sign * (sign * twice + r.d)) / (2n * r.d);
}

/** Hundredths of a point as a number: 1875n → 18.75. */
export const fromHundredths = (h: bigint): number => Number(h) / 100;

/** Hundredths as a Ratio, to keep computing with a rounded value. */
export const hundredths = (h: bigint): Ratio => ({ n: h, d: 100n });

/** The smallest whole number at or above r. */
export function ceil(r: Ratio): bigint {
  const q = r.n / r.d;
  return r.n > q * r.d ? q + 1n : q;
}

/** How a number shows in a formula: as it prints, without float noise from a computation (inputs only). */
export const show = (x: number): string => x.toString();
/** Hundredths shown without trailing zeros: 1875n → "18.75", 2500n → "25", 1850n → "18.5". */
export const showHundredths = (h: bigint): string => fromHundredths(h).toString();
