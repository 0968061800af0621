import { issueIf, type Bilingual, type FieldIssue } from '@jixiao/events';
import {
  abs,
  compare,
  div,
  fromHundredths,
  max,
  min,
  mul,
  ONE,
  ratio,
  show,
  showHundredths,
  sub,
  toHundredths,
  ZERO,
  type Ratio,
} from './decimal.scoring';

export type QualitativeLevel = 'ACHIEVED' | 'PARTLY' | 'NOT_ACHIEVED';

/**
 * DOMAIN.md bands in percent of the indicator's points: ACHIEVED 80–100, PARTLY 50–<80, NOT_ACHIEVED 0–<50.
 * `minPercent` is inside the band, `maxPercent` is not — except ACHIEVED's 100, which is (see `inQualitativeBand`).
 */
export const QUALITATIVE_BANDS: Record<QualitativeLevel, { minPercent: number; maxPercent: number }> = {
  ACHIEVED: { minPercent: 80, maxPercent: 100 },
  PARTLY: { minPercent: 50, maxPercent: 80 },
  NOT_ACHIEVED: { minPercent: 0, maxPercent: 50 },
};

const LEVEL_LABEL: Record<QualitativeLevel, Bilingual> = {
  ACHIEVED: { zh: '达成', en: 'achieved' },
  PARTLY: { zh: '部分达成', en: 'partly achieved' },
  NOT_ACHIEVED: { zh: '未达成', en: 'not achieved' },
};

export interface IndicatorResult {
  operator: '>=' | '<=' | '=' | '>' | '<' | 'QUALITATIVE';
  target: number | null;
  points: number;
  actual: number | null;
  qualitative?: { level: QualitativeLevel; percent: number } | null;
}

/** One line of a score sheet: the points given and the formula with its numbers, e.g. "25 × min(3 / 4, 1) = 18.75". */
export interface LineScore {
  awarded: number;
  /** The line got all its points (below full, the unit owes a deviation cause and an improvement measure). */
  full: boolean;
  formula: Bilingual;
}

/** Whether a percent lies in its level's band: min inclusive, max exclusive, 100 inclusive for ACHIEVED. */
export function inQualitativeBand(level: QualitativeLevel, percent: number): boolean {
  const band = QUALITATIVE_BANDS[level];
  const belowTop = percent < band.maxPercent || (band.maxPercent === 100 && percent === 100);
  return Number.isFinite(percent) && percent >= band.minPercent && belowTop;
}

/** `percent` moved into its level's band, so a score never exceeds (or falls under) what its level allows. */
function clampToBand(level: QualitativeLevel, percent: number): Ratio {
  if (inQualitativeBand(level, percent)) return ratio(percent);
  const band = QUALITATIVE_BANDS[level];
  // above a band open at its top: its highest hundredth of a percent (PARTLY at 85 counts 79.99)
  if (percent >= band.maxPercent)
    return band.maxPercent === 100 ? ratio(100) : sub(ratio(band.maxPercent), { n: 1n, d: 100n });
  return ratio(band.minPercent); // below it, or not a number
}

const line = (points: Ratio, awarded: Ratio, zh: string, en: string): LineScore => {
  const h = toHundredths(awarded);
  return {
    awarded: fromHundredths(h),
    full: h === toHundredths(points),
    formula: { zh: `${zh} = ${showHundredths(h)}`, en: `${en} = ${showHundredths(h)}` },
  };
};

/**
 * The points one indicator earns (DOMAIN.md, "Scoring"), rounded to hundredths half up once, at the end.
 *
 * Cases DOMAIN.md leaves open, decided here:
 * - higher is better (`>=`, `>`) with target 0: any actual ≥ 0 meets it, full points (A / 0 has no value);
 *   `>` is scored like `>=` throughout — A = T earns p, as the formula p × min(A / T, 1) gives.
 * - `=` with target 0: p when A = 0, else 0 (every deviation from 0 is a whole deviation).
 * - lower is better with target 0: A = 0 earns p (DOMAIN.md), any A > 0 earns 0 (p × 0 / A).
 * - negative numbers: the formulas are ratios of non-negative measures. `indicatorIssues` refuses a negative
 *   target or actual; scored anyway, a result is kept within 0 … p (a negative actual earns 0 when higher is
 *   better, p when lower is better, as it is below the target).
 * - no actual (or no target) for a quantitative indicator, or no level for a qualitative one: 0, said so.
 * - a qualitative percent outside its level's band counts as the band's nearest value.
 */
export function scoreIndicator(r: IndicatorResult): LineScore {
  const p = ratio(r.points);
  const ps = show(r.points);
  if (r.operator === 'QUALITATIVE') {
    if (!r.qualitative) return line(p, ZERO, `${ps} × 未评定等级`, `${ps} × no level given`);
    const { level, percent } = r.qualitative;
    const counted = clampToBand(level, percent);
    const pct = `${showHundredths(toHundredths(counted))}%`;
    return line(
      p,
      div(mul(p, counted), ratio(100)),
      `${ps} × ${pct}（${LEVEL_LABEL[level].zh}）`,
      `${ps} × ${pct} (${LEVEL_LABEL[level].en})`,
    );
  }
  if (r.actual === null || r.target === null) {
    const what =
      r.actual === null ? { zh: '未填报实际值', en: 'no actual value' } : { zh: '无目标值', en: 'no target' };
    return line(p, ZERO, `${ps} × 0（${what.zh}）`, `${ps} × 0 (${what.en})`);
  }
  const a = ratio(r.actual);
  const t = ratio(r.target);
  const [as, ts] = [show(r.actual), show(r.target)];
  const clamp = (x: Ratio) => max(ZERO, min(x, p));
  switch (r.operator) {
    case '>=':
    case '>': {
      if (t.n <= 0n) {
        const met = compare(a, t) >= 0;
        const why = met ? { zh: '达到目标', en: 'target met' } : { zh: '未达目标', en: 'target missed' };
        return line(p, met ? p : ZERO, `${ps} × ${met ? 1 : 0}（${why.zh}）`, `${ps} × ${met ? 1 : 0} (${why.en})`);
      }
      const f = `${ps} × min(${as} / ${ts}, 1)`;
      return line(p, clamp(mul(p, min(div(a, t), ONE))), f, f);
    }
    case '<=':
    case '<': {
      if (a.n <= 0n) {
        return line(p, p, `${ps}（实际值 ${as} ≤ 0，满分）`, `${ps} (actual ${as} ≤ 0, full points)`);
      }
      const f = `${ps} × min(${ts} / ${as}, 1)`;
      return line(p, clamp(mul(p, min(div(t, a), ONE))), f, f);
    }
    case '=': {
      if (t.n === 0n) {
        const met = a.n === 0n;
        const why = met ? { zh: '等于目标', en: 'equals the target' } : { zh: '偏离目标 0', en: 'deviates from 0' };
        return line(p, met ? p : ZERO, `${ps} × ${met ? 1 : 0}（${why.zh}）`, `${ps} × ${met ? 1 : 0} (${why.en})`);
      }
      const f = `${ps} × max(0, 1 − |${as} − ${ts}| / ${ts})`;
      return line(p, clamp(mul(p, max(ZERO, sub(ONE, div(abs(sub(a, t)), abs(t)))))), f, f);
    }
    default: {
      const unknown: never = r.operator;
      throw new RangeError(`unknown operator ${String(unknown)}`);
    }
  }
}

/**
 * What keeps an indicator's result from being scored as DOMAIN.md means (bilingual, at `path`): a quantitative
 * indicator without its actual value, or with a negative target or actual; a qualitative one without its level,
 * or with a percent outside its level's band.
 */
export function indicatorIssues(r: IndicatorResult, path: string): FieldIssue[] {
  if (r.operator === 'QUALITATIVE') {
    if (!r.qualitative) {
      return issueIf(
        true,
        `${path}.qualitative`,
        '请选择定性指标的完成等级',
        'Choose the level this qualitative indicator reached',
      );
    }
    const { level, percent } = r.qualitative;
    const band = QUALITATIVE_BANDS[level];
    const top = band.maxPercent === 100 ? '100' : `${band.maxPercent}（不含）`;
    const topEn = band.maxPercent === 100 ? '100' : `below ${band.maxPercent}`;
    return issueIf(
      !inQualitativeBand(level, percent),
      `${path}.qualitative.percent`,
      `“${LEVEL_LABEL[level].zh}”的得分比例应在 ${band.minPercent}% 至 ${top}% 之间，现为 ${percent}%`,
      `A level of “${LEVEL_LABEL[level].en}” scores from ${band.minPercent} % to ${topEn} %, not ${percent} %`,
    );
  }
  return [
    ...issueIf(r.actual === null, `${path}.actual`, '请填写实际完成值', 'Enter the actual value'),
    ...issueIf(
      (r.actual ?? 0) < 0,
      `${path}.actual`,
      `实际完成值不能为负数，现为 ${r.actual}`,
      `The actual value cannot be negative, not ${r.actual}`,
    ),
    ...issueIf(
      (r.target ?? 0) < 0,
      `${path}.target`,
      `目标值不能为负数，现为 ${r.target}`,
      `The target cannot be negative, not ${r.target}`,
    ),
    ...issueIf(
      r.target === null,
      `${path}.target`,
      '该定量指标缺少目标值',
      'This quantitative indicator has no target',
    ),
  ];
}
