import {
  abs,
  add,
  ceil,
  compare,
  div,
  fromHundredths,
  hundredths,
  max,
  min,
  mul,
  ratio,
  show,
  showHundredths,
  sub,
  toHundredths,
  type Ratio,
} from './decimal.scoring';

const r = (n: number, d = 1): Ratio => ({ n: BigInt(n), d: BigInt(d) });
/** Equal as fractions, whatever their terms (2/4 is 1/2). */
const same = (a: Ratio, b: Ratio) => compare(a, b) === 0;

describe('exact decimals for scores', () => {
  it('reads a number as the decimal it prints as, exponents included', () => {
    expect(ratio(18.75)).toEqual(r(1875, 100));
    expect(ratio(0.1)).toEqual(r(1, 10));
    expect(ratio(-2.5)).toEqual(r(-25, 10));
    expect(ratio(25)).toEqual(r(25, 1));
    expect(ratio(1e-7)).toEqual(r(1, 10_000_000));
    expect(ratio(1.5e-7)).toEqual(r(15, 100_000_000));
    expect(ratio(1e21)).toEqual({ n: 10n ** 21n, d: 1n });
    expect(ratio(1.25e21)).toEqual({ n: 125n * 10n ** 19n, d: 1n });
    expect(() => ratio(Number.NaN)).toThrow(RangeError);
    expect(() => ratio(Number.POSITIVE_INFINITY)).toThrow('not a finite number: Infinity');
  });

  it('adds, subtracts, multiplies and divides without float drift', () => {
    expect(same(add(ratio(0.1), ratio(0.2)), ratio(0.3))).toBe(true);
    expect(same(sub(ratio(0.3), ratio(0.1)), ratio(0.2))).toBe(true);
    expect(same(mul(ratio(25), ratio(0.7)), ratio(17.5))).toBe(true);
    expect(same(div(ratio(3), ratio(4)), ratio(0.75))).toBe(true);
    // a negative divisor keeps the denominator positive
    expect(div(r(1), r(-2))).toEqual(r(-1, 2));
    expect(div(r(-3), r(-4))).toEqual(r(3, 4));
    expect(div(r(1, 3), r(-2, 5))).toEqual(r(-5, 6));
    expect(() => div(r(1), r(0, 5))).toThrow('division by zero');
  });

  it('compares, and takes the smaller, the larger, the absolute value', () => {
    expect(compare(r(1, 3), r(2, 6))).toBe(0);
    expect(compare(r(1, 3), r(1, 2))).toBe(-1);
    expect(compare(r(1, 2), r(1, 3))).toBe(1);
    expect(min(r(1, 2), r(1, 3))).toEqual(r(1, 3));
    expect(min(r(1, 3), r(1, 2))).toEqual(r(1, 3));
    expect(max(r(1, 2), r(1, 3))).toEqual(r(1, 2));
    expect(max(r(1, 3), r(1, 2))).toEqual(r(1, 2));
    expect(abs(r(-3, 4))).toEqual(r(3, 4));
    expect(abs(r(3, 4))).toEqual(r(3, 4));
    expect(abs(r(0))).toEqual(r(0));
  });

  it.each<[Ratio, bigint]>([
    [ratio(1.005), 101n],
    [ratio(1.0049999), 100n],
    [ratio(1.004), 100n],
    [ratio(18.75), 1875n],
    [r(2, 3), 67n],
    [r(1, 3), 33n],
    [ratio(0.005), 1n],
    [ratio(0), 0n],
    [ratio(-1.005), -101n],
    [ratio(-1.004), -100n],
    [ratio(-0.005), -1n],
  ])('rounds %j to %d hundredths, half away from zero', (value, expected) => {
    expect(toHundredths(value)).toBe(expected);
  });

  it('rounds up to whole numbers', () => {
    expect(ceil(r(9, 10))).toBe(1n);
    expect(ceil(r(10, 10))).toBe(1n);
    expect(ceil(r(11, 10))).toBe(2n);
    expect(ceil(r(0))).toBe(0n);
    expect(ceil(r(-3, 2))).toBe(-1n);
  });

  it('shows hundredths without trailing zeros, and inputs as they print', () => {
    expect(fromHundredths(1875n)).toBe(18.75);
    expect(showHundredths(2500n)).toBe('25');
    expect(showHundredths(1850n)).toBe('18.5');
    expect(showHundredths(1n)).toBe('0.01');
    expect(same(hundredths(1875n), ratio(18.75))).toBe(true);
    expect(show(0.5)).toBe('0.5');
  });
});
