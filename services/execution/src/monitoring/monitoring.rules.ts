import {
  isBlank,
  issueIf,
  moneyIssues,
  type Bilingual,
  type Fen,
  type FieldIssue,
  type LIKELIHOODS,
  type OPERATORS,
  type WARNING_KINDS,
  type WARNING_SEVERITIES,
} from '@jixiao/events';

/** 完成可能性: the unit's own judgement of each indicator for the full year. */
export type Likelihood = (typeof LIKELIHOODS)[number];
/** The operators of the goal's indicators. */
export type Operator = (typeof OPERATORS)[number];
/**
 * What raised a warning (预警): execution behind the elapsed share of the year, a forecast that
 * misses the indicator's target, completion marked impossible — computed from the report — or a
 * report not filed by the round's due date (the deadline scheduler's).
 */
export type WarningKind = (typeof WARNING_KINDS)[number];
export type WarningSeverity = (typeof WARNING_SEVERITIES)[number];

/** The numbers a region may set for monitoring (the rule profile's `monitoring`). */
export interface MonitoringRules {
  /**
   * Percentage points the execution rate may lag the elapsed share of the year without a warning;
   * 0 by default (none): at the end of July anything below 7/12 ≈ 58.33 % warns.
   */
  executionTolerancePoints: number;
}

export const DEFAULT_MONITORING_RULES: MonitoringRules = { executionTolerancePoints: 0 };

/** One indicator's line of a monitoring report. */
export interface IndicatorProgress {
  indicatorId: string;
  /** The value reached so far; null for a qualitative indicator. */
  valueSoFar: number | null;
  /** The value forecast for the full year; null for a qualitative indicator. */
  forecast: number | null;
  likelihood: Likelihood;
  deviationCause: string | null;
}

/** What a report is checked against: the goal's indicators as issued and the project's budget. */
export interface IndicatorTarget {
  indicatorId: string;
  name: string;
  operator: Operator;
  targetValue: number | null;
}

export interface ReportFigures {
  /** The round's period ends with this month (7 for January–July). */
  throughMonth: number;
  budgetFen: Fen;
  executedFen: Fen;
  indicators: readonly IndicatorProgress[];
}

/** A warning as computed, with the numbers that raised it (recorded in its event as they were). */
export interface ComputedWarning {
  kind: WarningKind;
  severity: WarningSeverity;
  /** The indicator it is about; null for the goal as a whole. */
  indicatorId: string | null;
  figures: Record<string, string | number>;
}

/** Percentages as exact hundredths: 58.33 is 5,833. */
const HUNDREDTHS = 10_000n;

/**
 * part / whole in hundredths of a percent, rounded half up, exactly (7 of 12 → 5833, i.e. 58.33 %);
 * null when there is no whole.
 */
export function hundredthsOfPercent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  const scaled = BigInt(part) * HUNDREDTHS * 2n;
  return Number((scaled / BigInt(whole) + 1n) / 2n);
}

/** Hundredths of a percent as text: 5833 → "58.33". */
export const percentText = (hundredths: number): string => (hundredths / 100).toFixed(2);

/**
 * Whether execution lags the elapsed share of the year by more than the tolerance — compared
 * exactly, in whole numbers: executed / budget < throughMonth / 12 − tolerance / 100.
 */
export function executionBehind(figures: ReportFigures, rules: MonitoringRules): boolean {
  // × 1,200 × 100 turns the right side into whole numbers for a tolerance of up to two decimals
  const tolerance = BigInt(Math.round(rules.executionTolerancePoints * 100));
  const left = BigInt(figures.executedFen) * 120_000n;
  const right = BigInt(figures.budgetFen) * (BigInt(figures.throughMonth) * 10_000n - 12n * tolerance);
  return left < right;
}

/** Whether a forecast fails the target under its operator (a `<=` target is missed from above). */
export function forecastMisses(operator: Operator, forecast: number, target: number): boolean {
  switch (operator) {
    case '>=':
      return forecast < target;
    case '>':
      return forecast <= target;
    case '<=':
      return forecast > target;
    case '<':
      return forecast >= target;
    case '=':
      return forecast !== target;
    case 'QUALITATIVE':
      return false;
  }
}

/** Whether a line's forecast misses its indicator's numeric target (never without both numbers). */
export function missesTarget(target: IndicatorTarget, line: IndicatorProgress): boolean {
  return (
    line.forecast !== null &&
    target.targetValue !== null &&
    forecastMisses(target.operator, line.forecast, target.targetValue)
  );
}

/**
 * 预警: every warning a report raises, in a stable order (the goal's first, then by indicator as
 * the goal lists them). Computed, never typed by anyone.
 */
export function warningsOf(
  figures: ReportFigures,
  targets: readonly IndicatorTarget[],
  rules: MonitoringRules,
): ComputedWarning[] {
  const warnings: ComputedWarning[] = [];
  if (executionBehind(figures, rules)) {
    const elapsed = hundredthsOfPercent(figures.throughMonth, 12)!;
    warnings.push({
      kind: 'EXECUTION_BEHIND',
      severity: 'WARNING',
      indicatorId: null,
      figures: {
        budgetFen: figures.budgetFen,
        executedFen: figures.executedFen,
        executionRate: percentText(hundredthsOfPercent(figures.executedFen, figures.budgetFen)!),
        elapsedShare: `${figures.throughMonth}/12`,
        elapsedRate: percentText(elapsed),
        tolerancePoints: rules.executionTolerancePoints,
      },
    });
  }
  const progress = new Map(figures.indicators.map((line) => [line.indicatorId, line]));
  for (const target of targets) {
    const line = progress.get(target.indicatorId);
    if (!line) continue;
    if (line.likelihood === 'IMPOSSIBLE') {
      warnings.push({
        kind: 'COMPLETION_IMPOSSIBLE',
        severity: 'SERIOUS',
        indicatorId: target.indicatorId,
        figures: { indicator: target.name, likelihood: line.likelihood },
      });
    }
    if (missesTarget(target, line)) {
      warnings.push({
        kind: 'FORECAST_MISSES_TARGET',
        severity: 'WARNING',
        indicatorId: target.indicatorId,
        figures: {
          indicator: target.name,
          operator: target.operator,
          // missesTarget holds only with both numbers
          targetValue: target.targetValue!,
          forecast: line.forecast!,
        },
      });
    }
  }
  return warnings;
}

/** The numbers a quantitative indicator's line must carry. */
const NUMBERS = {
  valueSoFar: { zh: '当前完成值', en: 'value so far' },
  forecast: { zh: '全年预计完成值', en: 'full-year forecast' },
} as const;

/** The goal a report is filed for, as its read model holds it. */
export interface ReportedGoal {
  status: string;
  indicators: readonly IndicatorTarget[];
}

/**
 * The problems of a report, each at its field: a goal that is not ISSUED, executed money out of
 * range, an indicator the goal does not have (or one left out), a number missing from a numeric
 * indicator, and no cause given for a deviation (at risk, impossible, or a forecast that misses).
 */
export function reportIssues(figures: ReportFigures, goal: ReportedGoal): FieldIssue[] {
  const issues: FieldIssue[] = [
    ...issueIf(
      goal.status !== 'ISSUED',
      'goalId',
      `只能对已下达的绩效目标填报监控（当前状态 ${goal.status}）`,
      `Only an issued goal is monitored (this one is ${goal.status})`,
    ),
    ...moneyIssues(figures.executedFen, 'executed', { zh: '已执行预算', en: 'The budget executed' }, 'nonnegative'),
    ...issueIf(
      Number.isSafeInteger(figures.executedFen) && figures.executedFen > figures.budgetFen,
      'executed',
      '已执行预算不能超过项目已安排的预算',
      'The budget executed cannot exceed the budget allocated to the project',
    ),
  ];
  const targets = new Map(goal.indicators.map((t) => [t.indicatorId, t]));
  const reported = new Set<string>();
  figures.indicators.forEach((line, i) => {
    const at = `indicators[${i}]`;
    const target = targets.get(line.indicatorId);
    if (!target || reported.has(line.indicatorId)) {
      issues.push({
        path: `${at}.indicatorId`,
        zh: target ? `指标 ${line.indicatorId} 重复填报` : `该绩效目标没有指标 ${line.indicatorId}`,
        en: target
          ? `Indicator ${line.indicatorId} is reported twice`
          : `The goal has no indicator ${line.indicatorId}`,
      });
      return;
    }
    reported.add(line.indicatorId);
    const numeric = target.operator !== 'QUALITATIVE';
    for (const [field, label] of Object.entries(NUMBERS) as [keyof typeof NUMBERS, Bilingual][]) {
      issues.push(
        ...issueIf(
          numeric && !Number.isFinite(line[field]),
          `${at}.${field}`,
          `定量指标「${target.name}」须填写${label.zh}`,
          `The quantitative indicator "${target.name}" needs its ${label.en}`,
        ),
      );
    }
    issues.push(
      ...issueIf(
        (line.likelihood !== 'ON_TRACK' || missesTarget(target, line)) && isBlank(line.deviationCause),
        `${at}.deviationCause`,
        `指标「${target.name}」存在偏差，须说明偏差原因`,
        `The indicator "${target.name}" deviates: give the cause`,
      ),
    );
  });
  for (const target of goal.indicators) {
    issues.push(
      ...issueIf(
        !reported.has(target.indicatorId),
        'indicators',
        `缺少指标「${target.name}」的监控情况`,
        `The report leaves out the indicator "${target.name}"`,
      ),
    );
  }
  return issues;
}
