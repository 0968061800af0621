import { indicatorIssues, inQualitativeBand, scoreIndicator, type IndicatorResult } from './indicator.scoring';

const q = (operator: IndicatorResult['operator'], target: number | null, actual: number | null, points = 25) => ({
  operator,
  target,
  actual,
  points,
});

describe('a quantitative indicator, scored as DOMAIN.md says', () => {
  it.each<[IndicatorResult['operator'], number, number, number, string]>([
    // higher is better: p × min(A / T, 1)
    ['>=', 4, 3, 18.75, '25 × min(3 / 4, 1) = 18.75'],
    ['>=', 4, 4, 25, '25 × min(4 / 4, 1) = 25'],
    ['>=', 4, 4.01, 25, '25 × min(4.01 / 4, 1) = 25'],
    ['>=', 4, 3.99, 24.94, '25 × min(3.99 / 4, 1) = 24.94'],
    ['>=', 4, 0, 0, '25 × min(0 / 4, 1) = 0'],
    ['>', 100, 99.9, 24.98, '25 × min(99.9 / 100, 1) = 24.98'], // 24.975 half up
    ['>', 100, 99.99, 25, '25 × min(99.99 / 100, 1) = 25'], // 24.9975: full after rounding
    ['>', 100, 100, 25, '25 × min(100 / 100, 1) = 25'],
    ['>', 100, 150, 25, '25 × min(150 / 100, 1) = 25'],
    ['>', 100, 0, 0, '25 × min(0 / 100, 1) = 0'],
    // lower is better: p × min(T / A, 1), A = 0 scores p
    ['<=', 4, 5, 20, '25 × min(4 / 5, 1) = 20'],
    ['<=', 4, 4, 25, '25 × min(4 / 4, 1) = 25'],
    ['<=', 4, 3.99, 25, '25 × min(4 / 3.99, 1) = 25'],
    ['<=', 4, 4.01, 24.94, '25 × min(4 / 4.01, 1) = 24.94'],
    ['<=', 4, 0, 25, '25（实际值 0 ≤ 0，满分） = 25'],
    ['<', 3, 8, 9.38, '25 × min(3 / 8, 1) = 9.38'],
    ['<', 3, 3, 25, '25 × min(3 / 3, 1) = 25'],
    ['<', 3, 0, 25, '25（实际值 0 ≤ 0，满分） = 25'],
    // equal: p when A = T, else p × max(0, 1 − |A − T| / T)
    ['=', 4, 4, 25, '25 × max(0, 1 − |4 − 4| / 4) = 25'],
    ['=', 4, 3, 18.75, '25 × max(0, 1 − |3 − 4| / 4) = 18.75'],
    ['=', 4, 5, 18.75, '25 × max(0, 1 − |5 − 4| / 4) = 18.75'],
    ['=', 4, 4.01, 24.94, '25 × max(0, 1 − |4.01 − 4| / 4) = 24.94'],
    ['=', 4, 3.99, 24.94, '25 × max(0, 1 − |3.99 − 4| / 4) = 24.94'],
    ['=', 4, 8, 0, '25 × max(0, 1 − |8 − 4| / 4) = 0'],
    ['=', 4, 9, 0, '25 × max(0, 1 − |9 − 4| / 4) = 0'],
    ['=', 4, 0, 0, '25 × max(0, 1 − |0 − 4| / 4) = 0'],
  ])('%s target %d, actual %d → %d', (operator, target, actual, awarded, zh) => {
    const score = scoreIndicator(q(operator, target, actual));
    expect(score.awarded).toBe(awarded);
    expect(score.full).toBe(awarded === 25);
    expect(score.formula.zh).toBe(zh);
  });

  it('rounds once, at the end, to hundredths half up — exactly, not by the float it happens to be', () => {
    // 0.1 × 0.7 / 0.7 … as doubles 3 × 0.335 = 1.0050000000000001 and 1.005 × 100 = 100.49999999999999
    expect(scoreIndicator({ operator: '>=', target: 1, actual: 0.335, points: 3 }).awarded).toBe(1.01);
    expect(scoreIndicator({ operator: '>=', target: 100, actual: 1.005, points: 100 }).awarded).toBe(1.01);
    expect(scoreIndicator({ operator: '>=', target: 100, actual: 1.0049, points: 100 }).awarded).toBe(1);
    // 10 × 2 / 3 = 6.666… → 6.67; 10 × 1 / 3 = 3.333… → 3.33
    expect(scoreIndicator(q('>=', 3, 2, 10)).awarded).toBe(6.67);
    expect(scoreIndicator(q('>=', 3, 1, 10)).awarded).toBe(3.33);
    expect(scoreIndicator(q('>=', 8, 1, 0.1)).awarded).toBe(0.01); // 0.0125 → 0.01
    expect(scoreIndicator(q('>=', 8, 3, 0.1)).awarded).toBe(0.04); // 0.0375 → 0.04
  });

  it('shows the numbers in English as in Chinese', () => {
    expect(scoreIndicator(q('>=', 4, 3)).formula.en).toBe('25 × min(3 / 4, 1) = 18.75');
    expect(scoreIndicator(q('<=', 4, 0)).formula.en).toBe('25 (actual 0 ≤ 0, full points) = 25');
  });
});

describe('the cases DOMAIN.md leaves open', () => {
  it('an operator the catalog does not know is a programming error, not a score', () => {
    expect(() => scoreIndicator(q('≈' as IndicatorResult['operator'], 4, 3))).toThrow('unknown operator ≈');
  });

  it('target 0 when higher is better: any actual ≥ 0 meets it, full points; below it none', () => {
    expect(scoreIndicator(q('>=', 0, 0))).toEqual({
      awarded: 25,
      full: true,
      formula: { zh: '25 × 1（达到目标） = 25', en: '25 × 1 (target met) = 25' },
    });
    expect(scoreIndicator(q('>', 0, 3)).awarded).toBe(25);
    expect(scoreIndicator(q('>=', 0, -1))).toEqual({
      awarded: 0,
      full: false,
      formula: { zh: '25 × 0（未达目标） = 0', en: '25 × 0 (target missed) = 0' },
    });
  });

  it('target 0 with "=": full points only for 0, any deviation scores 0', () => {
    expect(scoreIndicator(q('=', 0, 0))).toEqual({
      awarded: 25,
      full: true,
      formula: { zh: '25 × 1（等于目标） = 25', en: '25 × 1 (equals the target) = 25' },
    });
    expect(scoreIndicator(q('=', 0, 0.01))).toEqual({
      awarded: 0,
      full: false,
      formula: { zh: '25 × 0（偏离目标 0） = 0', en: '25 × 0 (deviates from 0) = 0' },
    });
  });

  it('target 0 when lower is better: 0 scores p, anything above 0 scores nothing', () => {
    expect(scoreIndicator(q('<=', 0, 0)).awarded).toBe(25);
    expect(scoreIndicator(q('<=', 0, 1)).awarded).toBe(0);
  });

  it('negative numbers are refused, and scored anyway stay within 0 … p', () => {
    expect(scoreIndicator(q('>=', 4, -2)).awarded).toBe(0);
    expect(scoreIndicator(q('<=', 4, -2)).awarded).toBe(25);
    expect(scoreIndicator(q('=', 4, -2)).awarded).toBe(0);
    expect(scoreIndicator(q('=', -4, -3)).awarded).toBe(18.75);
    expect(indicatorIssues(q('>=', -4, -2), 'indicators[0]')).toEqual([
      {
        path: 'indicators[0].actual',
        zh: '实际完成值不能为负数，现为 -2',
        en: 'The actual value cannot be negative, not -2',
      },
      { path: 'indicators[0].target', zh: '目标值不能为负数，现为 -4', en: 'The target cannot be negative, not -4' },
    ]);
  });

  it('no actual value scores 0 and is an issue; no target neither', () => {
    expect(scoreIndicator(q('>=', 4, null))).toEqual({
      awarded: 0,
      full: false,
      formula: { zh: '25 × 0（未填报实际值） = 0', en: '25 × 0 (no actual value) = 0' },
    });
    expect(scoreIndicator(q('>=', null, 3)).formula.en).toBe('25 × 0 (no target) = 0');
    expect(indicatorIssues(q('>=', 4, null), 'x')).toEqual([
      { path: 'x.actual', zh: '请填写实际完成值', en: 'Enter the actual value' },
    ]);
    expect(indicatorIssues(q('<', null, 0), 'x')).toEqual([
      { path: 'x.target', zh: '该定量指标缺少目标值', en: 'This quantitative indicator has no target' },
    ]);
    expect(indicatorIssues(q('=', 0, 0), 'x')).toEqual([]);
  });
});

describe('a qualitative indicator', () => {
  const qual = (level: 'ACHIEVED' | 'PARTLY' | 'NOT_ACHIEVED' | null, percent = 0, points = 25): IndicatorResult => ({
    operator: 'QUALITATIVE',
    target: null,
    actual: null,
    points,
    qualitative: level ? { level, percent } : null,
  });

  it.each<['ACHIEVED' | 'PARTLY' | 'NOT_ACHIEVED', number, boolean]>([
    ['ACHIEVED', 100, true],
    ['ACHIEVED', 80, true],
    ['ACHIEVED', 79.99, false],
    ['ACHIEVED', 100.01, false],
    ['PARTLY', 80, false],
    ['PARTLY', 100, false],
    ['NOT_ACHIEVED', 100, false],
    ['PARTLY', 79.99, true],
    ['PARTLY', 50, true],
    ['PARTLY', 49.99, false],
    ['NOT_ACHIEVED', 50, false],
    ['NOT_ACHIEVED', 49.99, true],
    ['NOT_ACHIEVED', 0, true],
    ['NOT_ACHIEVED', -0.01, false],
    ['NOT_ACHIEVED', Number.NaN, false],
  ])('%s at %d %% is inside its band: %s', (level, percent, inside) => {
    expect(inQualitativeBand(level, percent)).toBe(inside);
    expect(indicatorIssues(qual(level, percent), 'q')).toHaveLength(inside ? 0 : 1);
  });

  it('scores p × percent inside its band, and says the level', () => {
    expect(scoreIndicator(qual('ACHIEVED', 100))).toEqual({
      awarded: 25,
      full: true,
      formula: { zh: '25 × 100%（达成） = 25', en: '25 × 100% (achieved) = 25' },
    });
    expect(scoreIndicator(qual('ACHIEVED', 80)).awarded).toBe(20);
    expect(scoreIndicator(qual('PARTLY', 79.99)).formula).toEqual({
      zh: '25 × 79.99%（部分达成） = 20',
      en: '25 × 79.99% (partly achieved) = 20',
    });
    expect(scoreIndicator(qual('PARTLY', 50)).awarded).toBe(12.5);
    expect(scoreIndicator(qual('NOT_ACHIEVED', 49.99)).awarded).toBe(12.5); // 12.4975 → 12.5
    expect(scoreIndicator(qual('NOT_ACHIEVED', 0)).awarded).toBe(0);
    expect(scoreIndicator(qual('PARTLY', 50)).full).toBe(false);
  });

  it('counts a percent outside its band as the band’s nearest value', () => {
    expect(scoreIndicator(qual('PARTLY', 95)).formula.en).toBe('25 × 79.99% (partly achieved) = 20');
    expect(scoreIndicator(qual('PARTLY', 10)).awarded).toBe(12.5);
    expect(scoreIndicator(qual('PARTLY', 80)).awarded).toBe(20); // 79.99 % of 25 = 19.9975
    expect(scoreIndicator(qual('NOT_ACHIEVED', 50)).formula.en).toBe('25 × 49.99% (not achieved) = 12.5');
    expect(scoreIndicator(qual('ACHIEVED', 120)).awarded).toBe(25);
    expect(scoreIndicator(qual('ACHIEVED', 120, 100)).awarded).toBe(100);
    expect(scoreIndicator(qual('ACHIEVED', 20)).awarded).toBe(20);
    expect(scoreIndicator(qual('NOT_ACHIEVED', 70)).awarded).toBe(12.5);
    expect(scoreIndicator(qual('NOT_ACHIEVED', -5)).awarded).toBe(0);
    expect(scoreIndicator(qual('ACHIEVED', Number.NaN)).awarded).toBe(20);
  });

  it('without a level scores 0 and asks for one', () => {
    expect(scoreIndicator(qual(null))).toEqual({
      awarded: 0,
      full: false,
      formula: { zh: '25 × 未评定等级 = 0', en: '25 × no level given = 0' },
    });
    expect(indicatorIssues(qual(null), 'indicators[3]')).toEqual([
      {
        path: 'indicators[3].qualitative',
        zh: '请选择定性指标的完成等级',
        en: 'Choose the level this qualitative indicator reached',
      },
    ]);
  });

  it('says the band in both languages when the percent is outside it', () => {
    expect(indicatorIssues(qual('PARTLY', 85), 'q')).toEqual([
      {
        path: 'q.qualitative.percent',
        zh: '“部分达成”的得分比例应在 50% 至 80（不含）% 之间，现为 85%',
        en: 'A level of “partly achieved” scores from 50 % to below 80 %, not 85 %',
      },
    ]);
    expect(indicatorIssues(qual('ACHIEVED', 101), 'q')[0]!.zh).toBe('“达成”的得分比例应在 80% 至 100% 之间，现为 101%');
    expect(indicatorIssues(qual('ACHIEVED', 101), 'q')[0]!.en).toBe(
      'A level of “achieved” scores from 80 % to 100 %, not 101 %',
    );
  });
});
