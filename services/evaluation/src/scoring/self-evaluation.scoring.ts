import { displayYuan, gradeOf, type Bilingual, type RuleSet } from '@jixiao/events';
import {
  compare,
  div,
  fromHundredths,
  hundredths,
  min,
  mul,
  ONE,
  ratio,
  show,
  showHundredths,
  toHundredths,
  type Ratio,
} from './decimal.scoring';
import { scoreIndicator, type IndicatorResult, type LineScore } from './indicator.scoring';

export type SelfEvaluationPart = 'BUDGET_EXECUTION' | 'OUTPUT' | 'BENEFIT' | 'SATISFACTION';

export interface SheetIndicator extends IndicatorResult {
  indicatorId: string;
  name: string;
  level1: 'OUTPUT' | 'BENEFIT' | 'SATISFACTION' | 'COST';
}

/** What a self-evaluation is scored from: the profile's weights and bands, the money, and each indicator's result. */
export interface SelfEvaluationSheet {
  weights: RuleSet['selfEvaluationWeights'];
  bands: RuleSet['gradeBands'];
  budgetFen: number;
  executedFen: number;
  indicators: readonly SheetIndicator[];
}

export interface ScoredLine extends LineScore {
  indicatorId: string;
  part: SelfEvaluationPart;
  /** The indicator's points scaled so its part sums to the part's weight; the formula is worked with these. */
  scaledPoints: number;
  /** How the points were scaled, e.g. "10 × 50 / 20 = 25". */
  scaling: Bilingual;
}

export interface SelfEvaluationScore {
  /** `rate` is executed ÷ budget (a budget above 0), not capped (1.05 is 105 %), to 4 decimals. */
  budgetExecution: { weight: number; rate: number; awarded: number; formula: Bilingual };
  /** One per indicator, in the sheet's order (line i is indicator i's, whatever its part). */
  lines: ScoredLine[];
  /**
   * Every part, budget execution first. `weight` is what the part is scored out of: the profile's weight
   * (`profileWeight`) plus its share of the weight of parts without indicators; `formula` says how.
   */
  parts: { part: SelfEvaluationPart; weight: number; awarded: number; profileWeight: number; formula: Bilingual }[];
  total: number;
  grade: 'EXCELLENT' | 'GOOD' | 'FAIR' | 'POOR';
}

const INDICATOR_PARTS = ['OUTPUT', 'BENEFIT', 'SATISFACTION'] as const;
type IndicatorPart = (typeof INDICATOR_PARTS)[number];
const PART_LABEL: Record<SelfEvaluationPart, Bilingual> = {
  BUDGET_EXECUTION: { zh: '预算执行率', en: 'budget execution' },
  OUTPUT: { zh: '产出指标', en: 'output' },
  BENEFIT: { zh: '效益指标', en: 'benefit' },
  SATISFACTION: { zh: '满意度指标', en: 'satisfaction' },
};

/**
 * The part an indicator counts in. COST (成本指标, 2021 rules) counts in OUTPUT: the 2021 framework files cost
 * with the output-side measures (what the output cost), and DOMAIN.md's weights have no cost part. SATISFACTION
 * counts in BENEFIT when the profile gives satisfaction no weight (Hubei: "benefit + satisfaction").
 */
export function partOf(level1: SheetIndicator['level1'], weights: RuleSet['selfEvaluationWeights']): IndicatorPart {
  if (level1 === 'COST') return 'OUTPUT';
  if (level1 === 'SATISFACTION' && weights.satisfaction === 0) return 'BENEFIT';
  return level1;
}

/**
 * `total` hundredths shared in proportion to `shares`, whole hundredths that add up to `total` exactly: each
 * gets its share rounded down, and the hundredths left go one each to the largest remainders (the earlier on a
 * tie). All shares 0: equal shares. Non-negative totals and shares only.
 */
export function apportion(total: bigint, shares: readonly Ratio[]): bigint[] {
  const sum = shares.reduce((a, s) => ({ n: a.n * s.d + s.n * a.d, d: a.d * s.d }), { n: 0n, d: 1n } as Ratio);
  const weights = sum.n === 0n ? shares.map(() => ONE) : shares;
  const of = sum.n === 0n ? ratio(shares.length) : sum;
  const exact = weights.map((w) => div(mul({ n: total, d: 1n }, w), of));
  // totals and shares are never negative, so integer division rounds down
  const floors = exact.map((e) => e.n / e.d);
  let left = total - floors.reduce((a, b) => a + b, 0n);
  const byRemainder = exact
    .map((e, i) => ({ i, rest: { n: e.n - floors[i]! * e.d, d: e.d } }))
    .sort((x, y) => compare(y.rest, x.rest)); // a stable sort: the earlier first on a tie
  for (const { i } of byRemainder) {
    if (left <= 0n) break;
    floors[i]! += 1n;
    left -= 1n;
  }
  return floors;
}

const pointsH = (x: number): bigint => toHundredths(ratio(x));

function scoreBudget(sheet: SelfEvaluationSheet): SelfEvaluationScore['budgetExecution'] {
  const weight = sheet.weights.budgetExecution;
  // DOMAIN.md's rate divides by the budget: callers refuse a sheet without one (scoreSheet's budget issue)
  if (!(sheet.budgetFen > 0)) throw new RangeError(`no execution rate without a budget: ${sheet.budgetFen} fen`);
  const rate = div(ratio(sheet.executedFen), ratio(sheet.budgetFen));
  const h = toHundredths(mul(ratio(weight), min(rate, ONE)));
  const f = `${show(weight)} × min(${displayYuan(sheet.executedFen)} / ${displayYuan(sheet.budgetFen)}, 1) = ${showHundredths(h)}`;
  return {
    weight,
    rate: Number(toHundredths(mul(rate, ratio(100)))) / 10_000,
    awarded: fromHundredths(h),
    formula: { zh: f, en: f },
  };
}

/**
 * A self-evaluation's score (DOMAIN.md, "Scoring"): budget execution weight × min(executed / budget, 1); each
 * indicator part's points scaled to its weight, each line scored by `scoreIndicator`; total out of 100, no bonus;
 * the grade by the profile's bands.
 *
 * A part with weight but no indicators (say no satisfaction indicator under national weights) would leave its
 * weight unearnable; its weight goes to the parts that have indicators, in proportion to their weights (national:
 * satisfaction's 10 to output 50 → 56.25 and benefit 30 → 33.75), stated in each part's formula. With no
 * indicators at all there is nowhere to put it, and the indicator parts' weights stay unearned.
 */
export function scoreSelfEvaluation(sheet: SelfEvaluationSheet): SelfEvaluationScore {
  const budgetExecution = scoreBudget(sheet);
  const byPart = new Map<IndicatorPart, SheetIndicator[]>(INDICATOR_PARTS.map((p) => [p, []]));
  for (const indicator of sheet.indicators) byPart.get(partOf(indicator.level1, sheet.weights))!.push(indicator);

  const profileWeight = (p: IndicatorPart) => sheet.weights[p.toLowerCase() as 'output' | 'benefit' | 'satisfaction'];
  const filled = INDICATOR_PARTS.filter((p) => byPart.get(p)!.length > 0);
  const empty = INDICATOR_PARTS.filter((p) => byPart.get(p)!.length === 0 && profileWeight(p) > 0);
  const orphanH = empty.reduce((a, p) => a + pointsH(profileWeight(p)), 0n);
  const receivingWeights = filled.map((p) => ratio(profileWeight(p)));
  const canSpread = receivingWeights.some((w) => w.n > 0n);
  const extra = canSpread ? apportion(orphanH, receivingWeights) : filled.map(() => 0n);

  // each line goes back to its indicator's place in the sheet: callers pair lines with what they sent by position
  const place = new Map(sheet.indicators.map((indicator, at) => [indicator, at]));
  const lines: ScoredLine[] = new Array<ScoredLine>(sheet.indicators.length);
  const parts: SelfEvaluationScore['parts'] = [
    {
      part: 'BUDGET_EXECUTION',
      weight: budgetExecution.weight,
      profileWeight: budgetExecution.weight,
      awarded: budgetExecution.awarded,
      formula: budgetExecution.formula,
    },
  ];
  let totalH = pointsH(budgetExecution.awarded);
  for (const part of INDICATOR_PARTS) {
    const own = pointsH(profileWeight(part));
    const i = filled.indexOf(part);
    const added = i >= 0 ? extra[i]! : 0n;
    const movedAway = canSpread && empty.includes(part);
    const weightH = movedAway ? 0n : own + added;
    const indicators = byPart.get(part)!;
    const pointsSum = indicators.reduce((a, x) => a + pointsH(x.points), 0n);
    const scaled = apportion(
      weightH,
      indicators.map((x) => ratio(x.points)),
    );
    let awardedH = 0n;
    indicators.forEach((indicator, k) => {
      const scaledH = scaled[k]!;
      const score = scoreIndicator({ ...indicator, points: fromHundredths(scaledH) });
      awardedH += pointsH(score.awarded);
      lines[place.get(indicator)!] = {
        ...score,
        indicatorId: indicator.indicatorId,
        part,
        scaledPoints: fromHundredths(scaledH),
        scaling: scalingFormula(indicator.points, weightH, pointsSum, indicators.length, scaledH),
      };
    });
    totalH += awardedH;
    parts.push({
      part,
      weight: fromHundredths(weightH),
      profileWeight: profileWeight(part),
      awarded: fromHundredths(awardedH),
      formula: partFormula(part, own, added, movedAway, indicators.length, awardedH),
    });
  }
  const total = fromHundredths(totalH > 10_000n ? 10_000n : totalH);
  return { budgetExecution, lines, parts, total, grade: gradeOf(total, sheet.bands) };
}

function scalingFormula(
  points: number,
  weightH: bigint,
  pointsSumH: bigint,
  count: number,
  scaledH: bigint,
): Bilingual {
  // indicators of no points at all share their part's weight equally
  const base =
    pointsSumH === 0n
      ? `${showHundredths(weightH)} / ${count} = ${showHundredths(scaledH)}`
      : `${show(points)} × ${showHundredths(weightH)} / ${showHundredths(pointsSumH)} = ${showHundredths(scaledH)}`;
  const exact =
    pointsSumH === 0n
      ? toHundredths(div(hundredths(weightH), ratio(count)))
      : toHundredths(div(mul(ratio(points), hundredths(weightH)), hundredths(pointsSumH)));
  if (exact === scaledH) return { zh: base, en: base };
  // largest-remainder apportionment moved a hundredth so the part sums to its weight exactly
  return { zh: `${base}（尾差调整）`, en: `${base} (rounding remainder)` };
}

function partFormula(
  part: IndicatorPart,
  ownH: bigint,
  addedH: bigint,
  movedAway: boolean,
  count: number,
  awardedH: bigint,
): Bilingual {
  const label = PART_LABEL[part];
  if (count === 0) {
    return movedAway
      ? {
          zh: `${label.zh}无指标，权重 ${showHundredths(ownH)} 按比例并入其他部分`,
          en: `no ${label.en} indicators: its weight ${showHundredths(ownH)} goes to the other parts in proportion`,
        }
      : { zh: `${label.zh}无指标 = 0`, en: `no ${label.en} indicators = 0` };
  }
  const weight =
    addedH > 0n
      ? {
          zh: `权重 ${showHundredths(ownH)} + ${showHundredths(addedH)}（无指标部分按比例并入）= ${showHundredths(ownH + addedH)}`,
          en: `weight ${showHundredths(ownH)} + ${showHundredths(addedH)} (from parts without indicators, in proportion) = ${showHundredths(ownH + addedH)}`,
        }
      : { zh: `权重 ${showHundredths(ownH)}`, en: `weight ${showHundredths(ownH)}` };
  return {
    zh: `${label.zh}：${weight.zh}；得分 = ${count} 项指标得分之和 = ${showHundredths(awardedH)}`,
    en: `${label.en}: ${weight.en}; awarded = sum of ${count} indicator lines = ${showHundredths(awardedH)}`,
  };
}
