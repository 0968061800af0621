import { EventCatalog } from './catalog';
import { planningEvents } from './planning';
import type { RecordedEvent } from './envelope';
import {
  displayYuan,
  fenOfStoredYuan,
  fenSchema,
  formatYuan,
  MAX_FEN,
  moneyIssues,
  moneyTextProblem,
  parseYuan,
  sumFen,
} from './money';

const catalog = new EventCatalog(planningEvents);

describe('money', () => {
  it.each([
    ['5000000.00', 500_000_000],
    ['5000000', 500_000_000],
    ['0.1', 10],
    ['0.01', 1],
    ['0', 0],
    ['007.50', 750],
    ['-12.34', -1234],
    ['1000000000000', MAX_FEN],
    ['1000000000000.00', MAX_FEN],
    ['999999999999.99', MAX_FEN - 1],
  ])('reads "%s" yuan as %d fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
    expect(moneyTextProblem(text)).toBeNull();
  });

  it.each([
    ['1000000000000.01', /1 万亿/],
    ['99999999999999999999', /1 万亿/],
    ['0.001', /至多两位小数/],
    ['1e5', /格式不对/],
    [' 1', /格式不对/],
    ['1,000', /格式不对/],
    ['NaN', /格式不对/],
    ['', /格式不对/],
    ['.5', /格式不对/],
    ['5.', /格式不对/],
    ['+5', /格式不对/],
    ['1'.repeat(41), /格式不对/],
  ])('refuses "%s" in the user\'s terms', (text, zh) => {
    expect(moneyTextProblem(text)?.zh).toMatch(zh);
    expect(moneyTextProblem(text)?.en).toBeTruthy();
    expect(() => parseYuan(text)).toThrow(RangeError);
  });

  it('writes fen back as yuan with two decimals, and round-trips', () => {
    expect(formatYuan(500_000_000)).toBe('5000000.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-1234)).toBe('-12.34');
    expect(formatYuan(MAX_FEN)).toBe('1000000000000.00');
    expect(displayYuan(123_456_789_01)).toBe('123,456,789.01');
    for (const fen of [0, 1, 99, 100, 101, 123_456_789, MAX_FEN]) expect(parseYuan(formatYuan(fen))).toBe(fen);
    expect(() => formatYuan(0.5)).toThrow(RangeError);
  });

  it('adds exactly: 0.1 + 0.2 is 0.30, and 1,000 disbursements of 0.01 make 10.00', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(formatYuan(sumFen([parseYuan('0.1'), parseYuan('0.2')]))).toBe('0.30');
    expect(formatYuan(sumFen(Array.from({ length: 1000 }, () => parseYuan('0.01'))))).toBe('10.00');
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });

  it('takes amounts stored as float yuan to the fen that was entered', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(fenOfStoredYuan(0.29)).toBe(29);
    expect(fenOfStoredYuan(36_000_000)).toBe(3_600_000_000);
    expect(fenOfStoredYuan(999_999_999_999.99)).toBe(MAX_FEN - 1);
  });

  describe('a command amount', () => {
    const label = { zh: '安排金额', en: 'The amount' };
    it.each([
      [1, 'positive', []],
      [0, 'positive', ['amount']],
      [0, 'nonnegative', []],
      [-1, 'nonnegative', ['amount']],
      [MAX_FEN, 'positive', []],
      [MAX_FEN + 1, 'positive', ['amount']],
      [0.5, 'nonnegative', ['amount']],
      [Number.NaN, 'nonnegative', ['amount']],
      [Number.POSITIVE_INFINITY, 'nonnegative', ['amount']],
    ] as const)('%d fen under the %s rule gives issues at %j', (fen, rule, paths) => {
      const issues = moneyIssues(fen, 'amount', label, rule);
      expect(issues.map((i) => i.path)).toEqual(paths);
      issues.forEach((i) => expect(i.zh).toContain('安排金额'));
    });
  });

  describe('at its edges', () => {
    it('reads a text of 40 characters, and refuses 41 before reading it, quoting only its first 40', () => {
      const forty = `${'0'.repeat(38)}.5`;
      expect(forty).toHaveLength(40);
      expect(parseYuan(forty)).toBe(50);
      const long = `${'0'.repeat(39)}.5`;
      expect(moneyTextProblem(long)?.zh).toBe(
        `金额「${long.slice(0, 40)}」格式不对，应为以元为单位的十进制数，至多两位小数，如 "5000000.00"`,
      );
      expect(moneyTextProblem(long)?.en).toContain(`"${long.slice(0, 40)}"`);
      expect(moneyTextProblem('1000000000000.01')?.en).toBe(
        'Amount 1000000000000.01 is too large; the limit is 10^12 yuan',
      );
    });

    it('carries the problem on the RangeError it throws, in both languages', () => {
      expect(() => parseYuan('abc')).toThrow(
        expect.objectContaining({ zh: expect.stringContaining('格式不对'), en: expect.stringContaining('"abc"') }),
      );
    });

    it('reads minus zero as zero, not -0', () => {
      expect(parseYuan('-0')).toBe(0);
      expect(parseYuan('-0.00')).toBe(0);
      expect(parseYuan('-0.01')).toBe(-1);
    });

    it('writes zero without a sign and small amounts with their leading zero', () => {
      expect(formatYuan(0)).toBe('0.00');
      expect(formatYuan(-5)).toBe('-0.05');
      expect(formatYuan(100)).toBe('1.00');
      expect(displayYuan(0)).toBe('0.00');
      expect(displayYuan(100_000)).toBe('1,000.00');
      expect(displayYuan(99_999)).toBe('999.99');
      expect(displayYuan(-123_456_789)).toBe('-1,234,567.89');
      expect(() => formatYuan(Number.MAX_SAFE_INTEGER + 1)).toThrow('not a whole number of fen');
      expect(() => formatYuan(Number.NaN)).toThrow(RangeError);
    });

    it('sums up to the largest exact integer on either side, and refuses one past it', () => {
      expect(sumFen([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
      expect(sumFen([Number.MIN_SAFE_INTEGER + 1, -1])).toBe(Number.MIN_SAFE_INTEGER);
      expect(() => sumFen([Number.MIN_SAFE_INTEGER, -1])).toThrow(RangeError);
      expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow('exceeds what is held exactly');
      expect(sumFen([])).toBe(0);
      expect(sumFen([-5, 3])).toBe(-2);
    });

    it('an amount in an event is whole fen from 0 to 10^12 yuan', () => {
      for (const fen of [0, 1, MAX_FEN]) expect(fenSchema.safeParse(fen).success).toBe(true);
      for (const fen of [-1, MAX_FEN + 1, 0.5]) expect(fenSchema.safeParse(fen).success).toBe(false);
    });

    it('a command amount: says what is wrong, with the amount as users write it', () => {
      const label = { zh: '安排金额', en: 'The amount' };
      expect(moneyIssues(0, 'amount', label, 'positive')).toEqual([
        { path: 'amount', zh: '安排金额 0.00 元无效，应大于 0', en: 'The amount 0.00 must be more than 0' },
      ]);
      expect(moneyIssues(-123_456, 'amount', label, 'nonnegative')).toEqual([
        { path: 'amount', zh: '安排金额 -1,234.56 元无效，应不小于 0', en: 'The amount -1234.56 must be 0 or more' },
      ]);
      expect(moneyIssues(MAX_FEN + 1, 'issuedAmount', label, 'nonnegative')).toEqual([
        {
          path: 'issuedAmount',
          zh: '安排金额超出上限，不能超过 1 万亿元',
          en: 'The amount exceeds the limit of 10^12 yuan',
        },
      ]);
      expect(moneyIssues(0.5, 'amount', label, 'positive')).toEqual([
        {
          path: 'amount',
          zh: '安排金额无效，应为以元计、至多两位小数的金额',
          en: 'The amount is not an amount of yuan',
        },
      ]);
      expect(moneyIssues(MAX_FEN, 'amount', label, 'nonnegative')).toEqual([]);
    });
  });

  describe('events stored before exact money', () => {
    const stored = (type: string, schemaVersion: number, data: object) =>
      catalog.upcast({ type, schemaVersion, data, streamVersion: 1 } as unknown as RecordedEvent);

    it.each([
      ['ProjectProposed', 1, { amountRequested: 5_000_000.1 }, { amountRequestedFen: 500_000_010 }],
      ['BudgetAllocated', 1, { amount: 0.29, totalAllocated: 0.3 }, { amountFen: 29, totalAllocatedFen: 30 }],
      ['GoalDrafted', 1, { amount: 36_000_000 }, { amountFen: 3_600_000_000 }],
      ['GoalSubmitted', 2, { amount: 0.07 }, { amountFen: 7 }],
      ['GoalIssued', 1, { issuedAmount: 1234.56 }, { issuedAmountFen: 123_456 }],
      ['GoalAdjusted', 1, { amount: 0 }, { amountFen: 0 }],
    ])('%s v%d holds whole fen once upcast', (type, version, before, after) => {
      const event = stored(type, version, { goalId: 'g1', ...before });
      expect(event.data).toEqual({ goalId: 'g1', ...after });
      expect(event.schemaVersion).toBe(catalog.definition(type)!.schemaVersion);
    });

    it('brings a v1 submission through both steps', () => {
      const event = stored('GoalSubmitted', 1, { goalId: 'g1', amount: 12.5 });
      expect(event.data).toMatchObject({ amountFen: 1250, projectId: null, submission: 1 });
      expect(event.data).not.toHaveProperty('amount');
    });
  });
});
