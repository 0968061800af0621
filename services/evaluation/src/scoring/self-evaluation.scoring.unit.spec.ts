import { BUILTIN_PROFILES, type RuleSet } from '@jixiao/events';
import { ratio } from './decimal.scoring';
import {
  apportion,
  partOf,
  scoreSelfEvaluation,
  type SelfEvaluationSheet,
  type SheetIndicator,
} from './self-evaluation.scoring';

// the built-in profiles' numbers, stated here as DOMAIN.md states them (the profiles are checked against these)
const NATIONAL = { budgetExecution: 10, output: 50, benefit: 30, satisfaction: 10 };
const HUBEI = { budgetExecution: 20, output: 40, benefit: 40, satisfaction: 0 };
const BANDS = { EXCELLENT: 90, GOOD: 80, FAIR: 60 };

const indicator = (
  indicatorId: string,
  level1: SheetIndicator['level1'],
  points: number,
  operator: SheetIndicator['operator'],
  target: number | null,
  actual: number | null,
  qualitative: SheetIndicator['qualitative'] = null,
): SheetIndicator => ({ indicatorId, name: indicatorId, level1, points, operator, target, actual, qualitative });

// a project of 1,000,000.00 yuan, 950,000.00 spent; two output, two benefit, one satisfaction indicator
const INDICATORS = [
  indicator('O1', 'OUTPUT', 10, '>=', 4, 3),
  indicator('O2', 'COST', 10, '<=', 100, 100),
  indicator('B1', 'BENEFIT', 15, 'QUALITATIVE', null, null, { level: 'PARTLY', percent: 70 }),
  indicator('B2', 'BENEFIT', 15, '>', 90, 95),
  indicator('S1', 'SATISFACTION', 10, '>=', 90, 85),
];
const sheet = (weights: RuleSet['selfEvaluationWeights'], indicators = INDICATORS): SelfEvaluationSheet => ({
  weights,
  bands: BANDS,
  budgetFen: 100_000_000,
  executedFen: 95_000_000,
  indicators,
});

describe('the built-in profiles carry DOMAIN.md’s weights', () => {
  it('national 10/50/30/10, Hubei 20/40/40 with satisfaction folded in, bands 90/80/60', () => {
    expect(BUILTIN_PROFILES.map((p) => p.rules.selfEvaluationWeights)).toEqual([NATIONAL, HUBEI]);
    expect(BUILTIN_PROFILES.map((p) => p.rules.gradeBands)).toEqual([BANDS, BANDS]);
  });
});

describe('a self-evaluation under the national profile (10/50/30/10)', () => {
  // scored inside each test, so mutation testing links the scoring to the tests that check it
  let score: ReturnType<typeof scoreSelfEvaluation>;
  beforeEach(() => {
    score = scoreSelfEvaluation(sheet(NATIONAL));
  });

  it('shows a unit why its indicator got 18.75, not 25: its 10 points scaled to 25, three quarters reached', () => {
    expect(score.lines[0]).toEqual({
      indicatorId: 'O1',
      part: 'OUTPUT',
      scaledPoints: 25,
      scaling: { zh: '10 × 50 / 20 = 25', en: '10 × 50 / 20 = 25' },
      awarded: 18.75,
      full: false,
      formula: { zh: '25 × min(3 / 4, 1) = 18.75', en: '25 × min(3 / 4, 1) = 18.75' },
    });
  });

  it('scores budget execution 10 × min(950,000 / 1,000,000, 1) = 9.5', () => {
    expect(score.budgetExecution).toEqual({
      weight: 10,
      rate: 0.95,
      awarded: 9.5,
      formula: {
        zh: '10 × min(950,000.00 / 1,000,000.00, 1) = 9.5',
        en: '10 × min(950,000.00 / 1,000,000.00, 1) = 9.5',
      },
    });
  });

  it('scales each part to its weight and adds up to 88.19, GOOD', () => {
    expect(score.lines.map((l) => [l.indicatorId, l.part, l.scaledPoints, l.awarded, l.full])).toEqual([
      ['O1', 'OUTPUT', 25, 18.75, false],
      ['O2', 'OUTPUT', 25, 25, true], // COST counts in OUTPUT
      ['B1', 'BENEFIT', 15, 10.5, false],
      ['B2', 'BENEFIT', 15, 15, true],
      ['S1', 'SATISFACTION', 10, 9.44, false], // 10 × 85 / 90 = 9.444…
    ]);
    expect(score.parts.map((p) => [p.part, p.weight, p.awarded])).toEqual([
      ['BUDGET_EXECUTION', 10, 9.5],
      ['OUTPUT', 50, 43.75],
      ['BENEFIT', 30, 25.5],
      ['SATISFACTION', 10, 9.44],
    ]);
    expect(score.total).toBe(88.19);
    expect(score.grade).toBe('GOOD');
    expect(score.parts[1]!.formula.en).toBe('output: weight 50; awarded = sum of 2 indicator lines = 43.75');
    expect(score.parts[1]!.formula.zh).toBe('产出指标：权重 50；得分 = 2 项指标得分之和 = 43.75');
  });
});

describe('the same sheet under the Hubei profile (20/40/40)', () => {
  it('folds satisfaction indicators into benefit and scores 88.94', () => {
    const score = scoreSelfEvaluation(sheet(HUBEI));
    expect(score.budgetExecution.awarded).toBe(19);
    expect(score.lines.map((l) => [l.indicatorId, l.part, l.scaledPoints, l.awarded])).toEqual([
      ['O1', 'OUTPUT', 20, 15],
      ['O2', 'OUTPUT', 20, 20],
      ['B1', 'BENEFIT', 15, 10.5],
      ['B2', 'BENEFIT', 15, 15],
      ['S1', 'BENEFIT', 10, 9.44],
    ]);
    expect(score.parts.map((p) => [p.part, p.weight, p.profileWeight, p.awarded])).toEqual([
      ['BUDGET_EXECUTION', 20, 20, 19],
      ['OUTPUT', 40, 40, 35],
      ['BENEFIT', 40, 40, 34.94],
      ['SATISFACTION', 0, 0, 0],
    ]);
    expect(score.parts[3]!.formula).toEqual({ zh: '满意度指标无指标 = 0', en: 'no satisfaction indicators = 0' });
    expect(score.total).toBe(88.94);
    expect(score.grade).toBe('GOOD');
  });
});

describe('a profile published later with other weights', () => {
  it('gives the same sheet another score (30/40/20/10: 89.94)', () => {
    const later = scoreSelfEvaluation(sheet({ budgetExecution: 30, output: 40, benefit: 20, satisfaction: 10 }));
    expect(later.parts.map((p) => p.awarded)).toEqual([28.5, 35, 17, 9.44]);
    expect(later.total).toBe(89.94);
    expect(later.total).not.toBe(scoreSelfEvaluation(sheet(NATIONAL)).total);
  });
});

describe('a part with weight but no indicators', () => {
  it('gives its weight to the parts with indicators in proportion to theirs, and says so', () => {
    const score = scoreSelfEvaluation(sheet(NATIONAL, INDICATORS.slice(0, 4)));
    // satisfaction's 10 → output 10 × 50 / 80 = 6.25, benefit 3.75
    expect(score.parts.map((p) => [p.part, p.weight, p.profileWeight])).toEqual([
      ['BUDGET_EXECUTION', 10, 10],
      ['OUTPUT', 56.25, 50],
      ['BENEFIT', 33.75, 30],
      ['SATISFACTION', 0, 10],
    ]);
    // 56.25 over two equal indicators: 28.125 each, the odd hundredth to the first
    expect(score.lines.map((l) => l.scaledPoints)).toEqual([28.13, 28.12, 16.88, 16.87]);
    expect(score.lines[1]!.scaling.en).toBe('10 × 56.25 / 20 = 28.12 (rounding remainder)');
    expect(score.lines[0]!.scaling.zh).toBe('10 × 56.25 / 20 = 28.13');
    expect(score.lines.map((l) => l.awarded)).toEqual([21.1, 28.12, 11.82, 16.87]);
    expect(score.total).toBe(87.41);
    expect(score.parts[1]!.formula.en).toBe(
      'output: weight 50 + 6.25 (from parts without indicators, in proportion) = 56.25; awarded = sum of 2 indicator lines = 49.22',
    );
    expect(score.parts[2]!.formula.zh).toBe(
      '效益指标：权重 30 + 3.75（无指标部分按比例并入）= 33.75；得分 = 2 项指标得分之和 = 28.69',
    );
    expect(score.parts[3]!.formula.en).toBe(
      'no satisfaction indicators: its weight 10 goes to the other parts in proportion',
    );
    // full marks everywhere would make 100, not 90
    const full = INDICATORS.slice(0, 4).map((i) => ({ ...i, operator: '>=' as const, target: 1, actual: 1 }));
    expect(scoreSelfEvaluation({ ...sheet(NATIONAL, full), executedFen: 100_000_000 }).total).toBe(100);
  });

  it('with no indicators at all, only budget execution can be earned', () => {
    const score = scoreSelfEvaluation(sheet(NATIONAL, []));
    expect(score.total).toBe(9.5);
    expect(score.lines).toEqual([]);
    expect(score.parts.map((p) => p.weight)).toEqual([10, 50, 30, 10]);
    expect(score.parts[1]!.formula.zh).toBe('产出指标无指标 = 0');
  });
});

describe('parts that cannot be weighed', () => {
  it('leave a part’s weight unearned when no part with indicators has weight to share it by', () => {
    const weights = { budgetExecution: 90, output: 0, benefit: 0, satisfaction: 10 };
    const score = scoreSelfEvaluation(sheet(weights, INDICATORS.slice(0, 2)));
    expect(score.parts.map((p) => [p.part, p.weight, p.awarded])).toEqual([
      ['BUDGET_EXECUTION', 90, 85.5],
      ['OUTPUT', 0, 0],
      ['BENEFIT', 0, 0],
      ['SATISFACTION', 10, 0],
    ]);
    expect(score.parts[3]!.formula.en).toBe('no satisfaction indicators = 0');
    expect(score.total).toBe(85.5);
  });

  it('share a part’s weight equally among indicators of no points', () => {
    const three = [1, 2, 3].map((i) => indicator(`O${i}`, 'OUTPUT', 0, '>=', 1, 1));
    expect(scoreSelfEvaluation(sheet(NATIONAL, three)).lines.map((l) => l.scaling.en)).toEqual([
      '90 / 3 = 30',
      '90 / 3 = 30',
      '90 / 3 = 30',
    ]);
    const seven = [1, 2, 3, 4, 5, 6, 7].map((i) => indicator(`O${i}`, 'OUTPUT', 0, '>=', 1, 1));
    // 80 / 7 = 11.428…: six get 11.43, the seventh 11.42, so the part sums to 80
    const shares = scoreSelfEvaluation(sheet(HUBEI, seven)).lines.map((l) => l.scaling.en);
    expect(shares.slice(5)).toEqual(['80 / 7 = 11.43', '80 / 7 = 11.42 (rounding remainder)']);
    const zero = [indicator('O1', 'OUTPUT', 0, '>=', 4, 4), indicator('O2', 'OUTPUT', 0, '>=', 4, 2)];
    const score = scoreSelfEvaluation(sheet(HUBEI, zero));
    // benefit's 40 goes to output: 80, shared equally
    expect(score.lines.map((l) => [l.scaledPoints, l.awarded, l.scaling.en])).toEqual([
      [40, 40, '80 / 2 = 40'],
      [40, 20, '80 / 2 = 40'],
    ]);
  });
});

describe('indicators of different points in one part', () => {
  it('are scaled by their own points, with no rounding remainder when none was needed', () => {
    const uneven = [indicator('O1', 'OUTPUT', 10, '>=', 1, 1), indicator('O2', 'OUTPUT', 30, '>=', 1, 1)];
    expect(scoreSelfEvaluation(sheet(NATIONAL, uneven)).lines.map((l) => [l.scaledPoints, l.scaling.en])).toEqual([
      [22.5, '10 × 90 / 40 = 22.5'],
      [67.5, '30 × 90 / 40 = 67.5'],
    ]);
  });
});

describe('budget execution', () => {
  it('is capped at its weight when more than the budget is spent, the rate shown uncapped', () => {
    const score = scoreSelfEvaluation({ ...sheet(NATIONAL), executedFen: 105_000_000 });
    expect(score.budgetExecution).toMatchObject({ rate: 1.05, awarded: 10 });
  });

  it.each([
    [0, 'refused: the rate would divide by zero'],
    [-1, 'refused: no budget below zero'],
  ])('refuses a budget of %p fen (%s)', (budgetFen) => {
    expect(() => scoreSelfEvaluation({ ...sheet(NATIONAL), budgetFen, executedFen: 0 })).toThrow(
      new RangeError(`no execution rate without a budget: ${budgetFen} fen`),
    );
  });

  it.each([
    [1, 0, 0, 0],
    [1, 1, 1, 10],
    [1, 2, 2, 10],
  ])('scores a budget of %p fen, %p executed: rate %p, %p points', (budgetFen, executedFen, rate, awarded) => {
    expect(scoreSelfEvaluation({ ...sheet(NATIONAL), budgetFen, executedFen }).budgetExecution).toMatchObject({
      rate,
      awarded,
    });
  });

  it('rounds half up in hundredths: 10 × 1 / 3 = 3.33, rate 0.3333', () => {
    const score = scoreSelfEvaluation({ ...sheet(NATIONAL), budgetFen: 300, executedFen: 100 });
    expect(score.budgetExecution).toMatchObject({ rate: 0.3333, awarded: 3.33 });
  });
});

describe('total and grade', () => {
  // one output indicator (target 100, actual A) and every other part full: national 50 + A / 2, Hubei 60 + 0.4 A
  const oneOutput = (weights: RuleSet['selfEvaluationWeights'], actual: number, executedFen = 10_000_000) => ({
    weights,
    bands: BANDS,
    budgetFen: 10_000_000,
    executedFen,
    indicators: [
      indicator('O', 'OUTPUT', 30, '>=', 100, actual),
      indicator('B', 'BENEFIT', 20, '>=', 1, 1),
      indicator('S', 'SATISFACTION', 10, '>=', 1, 1),
    ],
  });

  it.each<[string, RuleSet['selfEvaluationWeights'], number, number, number, string]>([
    ['national', NATIONAL, 80, 10_000_000, 90, 'EXCELLENT'],
    ['national', NATIONAL, 79.98, 10_000_000, 89.99, 'GOOD'],
    ['national', NATIONAL, 60, 10_000_000, 80, 'GOOD'],
    ['national', NATIONAL, 59.98, 10_000_000, 79.99, 'FAIR'],
    ['national', NATIONAL, 20, 10_000_000, 60, 'FAIR'],
    ['national', NATIONAL, 19.98, 10_000_000, 59.99, 'POOR'],
    ['national', NATIONAL, 100, 10_000_000, 100, 'EXCELLENT'],
    ['Hubei', HUBEI, 75, 10_000_000, 90, 'EXCELLENT'],
    ['Hubei', HUBEI, 74.975, 10_000_000, 89.99, 'GOOD'],
    ['Hubei', HUBEI, 50, 10_000_000, 80, 'GOOD'],
    ['Hubei', HUBEI, 49.975, 10_000_000, 79.99, 'FAIR'],
    ['Hubei', HUBEI, 0, 10_000_000, 60, 'FAIR'],
    ['Hubei', HUBEI, 0, 9_995_000, 59.99, 'POOR'],
  ])('%s, output actual %d, executed %d fen → %d, %s', (_name, weights, actual, executed, total, grade) => {
    const score = scoreSelfEvaluation(oneOutput(weights, actual, executed));
    expect(score.total).toBe(total);
    expect(score.grade).toBe(grade);
  });

  it('never exceeds 100, even under weights adding up to more (no bonus points)', () => {
    const score = scoreSelfEvaluation(oneOutput({ ...NATIONAL, output: 60 }, 100));
    expect(score.parts.reduce((sum, p) => sum + p.awarded, 0)).toBe(110);
    expect(score.total).toBe(100);
  });
});

describe('the lines', () => {
  it('come in the sheet’s order, whatever the parts, so line i is indicator i’s', () => {
    // benefit and satisfaction first, output last: a line per indicator where it was sent
    const mixed = [INDICATORS[4]!, INDICATORS[2]!, INDICATORS[0]!, INDICATORS[3]!, INDICATORS[1]!];
    const lines = scoreSelfEvaluation(sheet(NATIONAL, mixed)).lines;
    expect(lines.map((l) => [l.indicatorId, l.part])).toEqual([
      ['S1', 'SATISFACTION'],
      ['B1', 'BENEFIT'],
      ['O1', 'OUTPUT'],
      ['B2', 'BENEFIT'],
      ['O2', 'OUTPUT'],
    ]);
    // and each line scores its own indicator: O1's 18.75 of 25 wherever it stands
    expect(lines[2]).toMatchObject({ indicatorId: 'O1', scaledPoints: 25, awarded: 18.75, full: false });
    expect(lines[4]).toMatchObject({ indicatorId: 'O2', full: true });
  });
});

describe('where an indicator counts', () => {
  it('COST in output; satisfaction in benefit only when satisfaction has no weight', () => {
    expect(partOf('COST', NATIONAL)).toBe('OUTPUT');
    expect(partOf('SATISFACTION', NATIONAL)).toBe('SATISFACTION');
    expect(partOf('SATISFACTION', HUBEI)).toBe('BENEFIT');
    expect(partOf('BENEFIT', HUBEI)).toBe('BENEFIT');
    expect(partOf('OUTPUT', HUBEI)).toBe('OUTPUT');
  });
});

describe('apportioning hundredths', () => {
  const r = (n: number) => ({ n: BigInt(n), d: 1n });
  it('adds up exactly, the leftover hundredths to the largest remainders, earlier first on a tie', () => {
    expect(apportion(5000n, [r(1), r(1), r(1)])).toEqual([1667n, 1667n, 1666n]);
    expect(apportion(1000n, [r(1), r(2)])).toEqual([333n, 667n]);
    expect(apportion(100n, [r(3), r(3), r(1)])).toEqual([43n, 43n, 14n]);
    expect(apportion(1000n, [r(0), r(0)])).toEqual([500n, 500n]);
    expect(apportion(0n, [r(5)])).toEqual([0n]);
    expect(apportion(700n, [])).toEqual([]);
    // the largest remainder wins, not the largest share: 2.857 and 7.142 → 3 and 7
    expect(apportion(10n, [r(2), r(5)])).toEqual([3n, 7n]);
    expect(apportion(10n, [r(1), r(2), r(1)])).toEqual([3n, 5n, 2n]);
    // shares in decimals: 0.5 and 1.5 of 10.00
    expect(apportion(1000n, [ratio(0.5), ratio(1.5)])).toEqual([250n, 750n]);
    expect(apportion(1000n, [ratio(0.25), ratio(0.5), ratio(0.25)])).toEqual([250n, 500n, 250n]);
  });
});
