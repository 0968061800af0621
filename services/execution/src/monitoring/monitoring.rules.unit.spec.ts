import {
  DEFAULT_MONITORING_RULES,
  executionBehind,
  forecastMisses,
  hundredthsOfPercent,
  percentText,
  reportIssues,
  warningsOf,
  type IndicatorProgress,
  type IndicatorTarget,
  type ReportFigures,
} from './monitoring.rules';

/** 1,200,000.00 yuan allocated: 7/12 of it, at the end of July, is exactly 700,000.00 yuan. */
const BUDGET = 120_000_000;
const july = (executedFen: number, indicators: IndicatorProgress[] = []): ReportFigures => ({
  throughMonth: 7,
  budgetFen: BUDGET,
  executedFen,
  indicators,
});
const tolerance = (executionTolerancePoints: number) => ({ executionTolerancePoints });

const targets: IndicatorTarget[] = [
  { indicatorId: 'i1', name: '改造薄弱学校数量', operator: '>=', targetValue: 12 },
  { indicatorId: 'i2', name: '生均改造成本', operator: '<=', targetValue: 5000 },
  { indicatorId: 'i3', name: '农村学校办学条件', operator: 'QUALITATIVE', targetValue: null },
];
const line = (indicatorId: string, over: Partial<IndicatorProgress> = {}): IndicatorProgress => ({
  indicatorId,
  valueSoFar: 6,
  forecast: 12,
  likelihood: 'ON_TRACK',
  deviationCause: null,
  ...over,
});
const onTrack = () => [
  line('i1'),
  line('i2', { valueSoFar: 4000, forecast: 4800 }),
  line('i3', { valueSoFar: null, forecast: null }),
];

describe('the execution rate, exactly', () => {
  it('is in hundredths of a percent, rounded half up', () => {
    expect(hundredthsOfPercent(7, 12)).toBe(5833);
    expect(hundredthsOfPercent(2, 3)).toBe(6667);
    expect(hundredthsOfPercent(1, 8)).toBe(1250);
    expect(hundredthsOfPercent(1, 800)).toBe(13); // 12.5 hundredths → 13
    expect(hundredthsOfPercent(1, 1600)).toBe(6); // 6.25 → 6
    expect(hundredthsOfPercent(0, 5)).toBe(0);
    expect(hundredthsOfPercent(BUDGET, BUDGET)).toBe(10000);
  });

  it('has none without a budget', () => {
    expect(hundredthsOfPercent(5, 0)).toBeNull();
    expect(hundredthsOfPercent(5, -1)).toBeNull();
  });

  it('reads as a percentage with two decimals', () => {
    expect(percentText(5833)).toBe('58.33');
    expect(percentText(10000)).toBe('100.00');
    expect(percentText(5)).toBe('0.05');
  });
});

describe('execution behind the elapsed share of the year (January–July: 7/12)', () => {
  it('warns below 7/12 by a single fen, not at 7/12 exactly, with no tolerance by default', () => {
    expect(DEFAULT_MONITORING_RULES.executionTolerancePoints).toBe(0);
    expect(executionBehind(july(70_000_000), DEFAULT_MONITORING_RULES)).toBe(false);
    expect(executionBehind(july(69_999_999), DEFAULT_MONITORING_RULES)).toBe(true);
    expect(executionBehind(july(BUDGET), DEFAULT_MONITORING_RULES)).toBe(false);
    expect(executionBehind(july(0), DEFAULT_MONITORING_RULES)).toBe(true);
  });

  it('allows the profile’s tolerance in percentage points: 5 points puts the line at 53.33 % (640,000.00 yuan)', () => {
    expect(executionBehind(july(64_000_000), tolerance(5))).toBe(false);
    expect(executionBehind(july(63_999_999), tolerance(5))).toBe(true);
  });

  it('takes a tolerance with decimals: 2.5 points puts it at 55.83 % (670,000.00 yuan)', () => {
    expect(executionBehind(july(67_000_000), tolerance(2.5))).toBe(false);
    expect(executionBehind(july(66_999_999), tolerance(2.5))).toBe(true);
  });

  it('follows the round’s period: at the end of March the line is 3/12 (300,000.00 yuan)', () => {
    const march = (executedFen: number) => ({ ...july(executedFen), throughMonth: 3 });
    expect(executionBehind(march(30_000_000), DEFAULT_MONITORING_RULES)).toBe(false);
    expect(executionBehind(march(29_999_999), DEFAULT_MONITORING_RULES)).toBe(true);
  });

  it('cannot be behind without a budget', () => {
    expect(executionBehind({ ...july(0), budgetFen: 0 }, DEFAULT_MONITORING_RULES)).toBe(false);
  });
});

describe('a forecast against its target', () => {
  it.each([
    ['>=', 11.99, 12, true],
    ['>=', 12, 12, false],
    ['>', 12, 12, true],
    ['>', 12.01, 12, false],
    ['<=', 5000.01, 5000, true],
    ['<=', 5000, 5000, false],
    ['<', 5000, 5000, true],
    ['<', 4999.99, 5000, false],
    ['=', 99, 100, true],
    ['=', 101, 100, true],
    ['=', 100, 100, false],
    ['QUALITATIVE', 0, 100, false],
  ] as const)('%s %d against %d misses: %s', (operator, forecast, target, misses) => {
    expect(forecastMisses(operator, forecast, target)).toBe(misses);
  });
});

describe('the warnings a report raises', () => {
  it('raises none when execution keeps pace and every forecast meets its target', () => {
    expect(warningsOf(july(70_000_000, onTrack()), targets, DEFAULT_MONITORING_RULES)).toEqual([]);
  });

  it('raises execution behind with the numbers that raised it: 600,000.00 of 1,200,000.00 yuan, 50.00 % against 58.33 %', () => {
    expect(warningsOf(july(60_000_000, onTrack()), targets, DEFAULT_MONITORING_RULES)).toEqual([
      {
        kind: 'EXECUTION_BEHIND',
        severity: 'WARNING',
        indicatorId: null,
        figures: {
          budgetFen: BUDGET,
          executedFen: 60_000_000,
          executionRate: '50.00',
          elapsedShare: '7/12',
          elapsedRate: '58.33',
          tolerancePoints: 0,
        },
      },
    ]);
  });

  it('raises a forecast that misses, either way round, and completion impossible as serious', () => {
    const lines = [
      line('i1', { forecast: 10, likelihood: 'IMPOSSIBLE', deviationCause: '两所学校征地未完成' }),
      line('i2', { valueSoFar: 4000, forecast: 5200, likelihood: 'AT_RISK', deviationCause: '建材涨价' }),
      line('i3', { valueSoFar: null, forecast: null, likelihood: 'AT_RISK', deviationCause: '进度滞后' }),
    ];
    expect(warningsOf(july(70_000_000, lines), targets, DEFAULT_MONITORING_RULES)).toEqual([
      {
        kind: 'COMPLETION_IMPOSSIBLE',
        severity: 'SERIOUS',
        indicatorId: 'i1',
        figures: { indicator: '改造薄弱学校数量', likelihood: 'IMPOSSIBLE' },
      },
      {
        kind: 'FORECAST_MISSES_TARGET',
        severity: 'WARNING',
        indicatorId: 'i1',
        figures: { indicator: '改造薄弱学校数量', operator: '>=', targetValue: 12, forecast: 10 },
      },
      {
        kind: 'FORECAST_MISSES_TARGET',
        severity: 'WARNING',
        indicatorId: 'i2',
        figures: { indicator: '生均改造成本', operator: '<=', targetValue: 5000, forecast: 5200 },
      },
    ]);
  });

  it('raises no forecast warning without both numbers: a line with no forecast, a target with only wording', () => {
    const noForecast = [line('i1', { forecast: null }), ...onTrack().slice(1)];
    expect(warningsOf(july(70_000_000, noForecast), targets, DEFAULT_MONITORING_RULES)).toEqual([]);
    const worded: IndicatorTarget[] = [{ indicatorId: 'i1', name: '群众满意度', operator: '>=', targetValue: null }];
    expect(warningsOf(july(70_000_000, [line('i1', { forecast: -5 })]), worded, DEFAULT_MONITORING_RULES)).toEqual([]);
  });

  it('passes over an indicator the report has no line for (the report’s check refuses such a report)', () => {
    const lines = [line('i1', { forecast: 1 })];
    expect(warningsOf(july(70_000_000, lines), targets, DEFAULT_MONITORING_RULES).map((w) => w.indicatorId)).toEqual([
      'i1',
    ]);
  });

  it('raises nothing for a line of an indicator the goal does not list (the report’s check refuses it)', () => {
    const lines = [...onTrack(), line('i9', { forecast: 0, likelihood: 'IMPOSSIBLE' })];
    expect(warningsOf(july(70_000_000, lines), targets, DEFAULT_MONITORING_RULES)).toEqual([]);
  });
});

describe('a monitoring report’s problems', () => {
  const issued = { status: 'ISSUED', indicators: targets };
  const paths = (figures: ReportFigures, goal = issued) => reportIssues(figures, goal).map((i) => i.path);

  it('has none when complete and consistent', () => {
    expect(reportIssues(july(70_000_000, onTrack()), issued)).toEqual([]);
  });

  it('refuses a goal that is not ISSUED', () => {
    for (const status of ['APPROVED', 'ADJUSTED', 'DRAFT']) {
      const issues = reportIssues(july(70_000_000, onTrack()), { ...issued, status });
      expect(issues.map((i) => i.path)).toEqual(['goalId']);
      expect(issues[0]!.zh).toContain(status);
    }
  });

  it('refuses executed money below 0 or above the budget, and takes exactly the budget', () => {
    expect(paths(july(-1, onTrack()))).toEqual(['executed']);
    expect(reportIssues(july(-1, onTrack()), issued)[0]!.zh).toContain('已执行预算');
    expect(paths(july(BUDGET + 1, onTrack()))).toEqual(['executed']);
    expect(paths(july(BUDGET, onTrack()))).toEqual([]);
    expect(paths(july(0.5, onTrack()))).toEqual(['executed']);
  });

  it('refuses a line for an indicator the goal does not have, or one reported twice', () => {
    expect(paths(july(70_000_000, [...onTrack(), line('i9')]))).toEqual(['indicators[3].indicatorId']);
    expect(paths(july(70_000_000, [...onTrack(), line('i1')]))).toEqual(['indicators[3].indicatorId']);
    const [twice] = reportIssues(july(70_000_000, [...onTrack(), line('i1')]), issued);
    expect(twice!.en).toContain('twice');
  });

  it('refuses a report that leaves an indicator out', () => {
    const issues = reportIssues(july(70_000_000, onTrack().slice(0, 2)), issued);
    expect(issues.map((i) => i.path)).toEqual(['indicators']);
    expect(issues[0]!.zh).toContain('农村学校办学条件');
  });

  it('asks a quantitative indicator for its value so far and its forecast; a qualitative one for neither', () => {
    const lines = [line('i1', { valueSoFar: null, forecast: Number.NaN }), ...onTrack().slice(1)];
    const issues = reportIssues(july(70_000_000, lines), issued);
    expect(issues.map((i) => i.path)).toEqual(['indicators[0].valueSoFar', 'indicators[0].forecast']);
    expect(issues.map((i) => i.zh)).toEqual([
      '定量指标「改造薄弱学校数量」须填写当前完成值',
      '定量指标「改造薄弱学校数量」须填写全年预计完成值',
    ]);
    expect(issues.map((i) => i.en)).toEqual([
      'The quantitative indicator "改造薄弱学校数量" needs its value so far',
      'The quantitative indicator "改造薄弱学校数量" needs its full-year forecast',
    ]);
    const forecastOnly = [line('i1', { forecast: null }), ...onTrack().slice(1)];
    expect(paths(july(70_000_000, forecastOnly))).toEqual(['indicators[0].forecast']);
  });

  it('asks for the cause of a deviation: at risk, impossible, or a forecast that misses — and not otherwise', () => {
    const at = (over: Partial<IndicatorProgress>) => paths(july(70_000_000, [line('i1', over), ...onTrack().slice(1)]));
    expect(at({ likelihood: 'AT_RISK' })).toEqual(['indicators[0].deviationCause']);
    expect(at({ likelihood: 'IMPOSSIBLE', deviationCause: '  ' })).toEqual(['indicators[0].deviationCause']);
    expect(at({ forecast: 11 })).toEqual(['indicators[0].deviationCause']);
    expect(at({ forecast: 11, deviationCause: '征地延迟' })).toEqual([]);
    expect(at({ forecast: 12 })).toEqual([]);
  });
});
