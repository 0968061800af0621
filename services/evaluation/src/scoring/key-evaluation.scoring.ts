import {
  EVALUATION_DIMENSIONS,
  gradeOf,
  issueIf,
  splitIssues,
  type EvaluationDimension,
  type FieldIssue,
  type KeyEvaluationSplit,
  type RuleSet,
} from '@jixiao/events';
import { fromHundredths, ratio, showHundredths, toHundredths } from './decimal.scoring';

/** The split's check lives beside the rule profile (events/src/rules), where planning checks a profile with it. */
export { splitIssues, type KeyEvaluationSplit };

/** One score an agency (or the department, or an invited expert) gave: an indicator's points within its maximum. */
export interface GivenScore {
  dimension: EvaluationDimension;
  indicator: string;
  points: number;
  maxPoints: number;
}

const DIMENSION_LABEL: Record<EvaluationDimension, string> = {
  DECISION: '决策',
  PROCESS: '过程',
  OUTPUT: '产出',
  BENEFIT: '效益',
};

const h = (x: number): bigint => toHundredths(ratio(x));

/**
 * What is wrong with a set of scores under a split: points outside 0 … maxPoints, a maximum that is not
 * positive, an indicator scored twice in its dimension, and a dimension whose indicators' maxima add up to more
 * than its share of the split. Paths: `scores[i].points`, `scores[i].maxPoints`, `scores[i].indicator`,
 * `dimensions.<DIMENSION>`.
 */
export function keyEvaluationIssues(split: KeyEvaluationSplit, scores: readonly GivenScore[]): FieldIssue[] {
  const seen = new Set<string>();
  const perScore = scores.flatMap((s, i) => {
    const key = `${s.dimension}\u0000${s.indicator}`;
    const twice = seen.has(key);
    seen.add(key);
    return [
      ...issueIf(
        !(Number.isFinite(s.maxPoints) && s.maxPoints > 0),
        `scores[${i}].maxPoints`,
        `指标“${s.indicator}”的满分应大于 0，现为 ${s.maxPoints}`,
        `The indicator “${s.indicator}” needs a maximum above 0, not ${s.maxPoints}`,
      ),
      ...issueIf(
        !(Number.isFinite(s.points) && s.points >= 0 && s.points <= s.maxPoints),
        `scores[${i}].points`,
        `指标“${s.indicator}”的得分应在 0 至 ${s.maxPoints} 之间，现为 ${s.points}`,
        `The indicator “${s.indicator}” scores from 0 to ${s.maxPoints}, not ${s.points}`,
      ),
      ...issueIf(
        twice,
        `scores[${i}].indicator`,
        `${DIMENSION_LABEL[s.dimension]}维度的指标“${s.indicator}”重复评分`,
        `The ${s.dimension} indicator “${s.indicator}” is scored twice`,
      ),
    ];
  });
  const perDimension = EVALUATION_DIMENSIONS.flatMap((d) => {
    const maxima = scores.filter((s) => s.dimension === d && Number.isFinite(s.maxPoints));
    const sum = maxima.reduce((a, s) => a + h(s.maxPoints), 0n);
    return issueIf(
      sum > h(split[d]),
      `dimensions.${d}`,
      `${DIMENSION_LABEL[d]}维度各指标满分合计 ${showHundredths(sum)} 超过该维度分值 ${split[d]}`,
      `The ${d} indicators' maxima add up to ${showHundredths(sum)}, above the dimension's ${split[d]} points`,
    );
  });
  return [...perScore, ...perDimension];
}

export interface KeyEvaluationScore {
  /** Each dimension in the framework's order, out of its share of the split. */
  dimensions: { dimension: EvaluationDimension; maxPoints: number; awarded: number }[];
  total: number;
  grade: 'EXCELLENT' | 'GOOD' | 'FAIR' | 'POOR';
}

/**
 * A key or department evaluation's score: each dimension the sum of its indicators' points (exact to the
 * hundredth), the total their sum out of 100, the grade by the profile's bands. Check the scores with
 * `keyEvaluationIssues` first: a dimension is not capped here.
 */
export function scoreKeyEvaluation(
  split: KeyEvaluationSplit,
  bands: RuleSet['gradeBands'],
  scores: readonly GivenScore[],
): KeyEvaluationScore {
  const dimensions = EVALUATION_DIMENSIONS.map((dimension) => {
    const awardedH = scores.filter((s) => s.dimension === dimension).reduce((a, s) => a + h(s.points), 0n);
    return { dimension, maxPoints: split[dimension], awarded: fromHundredths(awardedH) };
  });
  const totalH = dimensions.reduce((a, d) => a + h(d.awarded), 0n);
  const total = fromHundredths(totalH);
  return { dimensions, total, grade: gradeOf(total, bands) };
}
