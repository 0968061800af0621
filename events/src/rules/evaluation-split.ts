import { issueIf, type FieldIssue } from '../errors';
import { EVALUATION_DIMENSIONS, type RuleSet } from '../planning/rule-profile';

/** 重点评价、部门评价的分值结构: the points of each level-1 dimension (DECISION, PROCESS, OUTPUT, BENEFIT). */
export type KeyEvaluationSplit = RuleSet['evaluation']['keyEvaluationSplit'];

// points compared in millionths, so 99.99 + 0.01 is 100 and float drift never passes or fails a split
const millionths = (points: number): number => Math.round(points * 1_000_000);
const shown = (m: number): number => m / 1_000_000;

/**
 * The issues of a key/department-evaluation split (DOMAIN.md, "Key and department evaluations"): each dimension
 * from 0 to 100, the four summing to exactly 100, and output + benefit carrying at least `minOutputBenefitPercent`.
 * One place for the rule profile's check (planning) and the evaluation's (scoring).
 * @example splitIssues({ DECISION: 25, PROCESS: 20, OUTPUT: 30, BENEFIT: 25 }, 60) // output + benefit 55 < 60
 */
export function splitIssues(split: KeyEvaluationSplit, minOutputBenefitPercent: number, path = 'split'): FieldIssue[] {
  const outOfRange = EVALUATION_DIMENSIONS.filter((d) => !Number.isFinite(split[d]) || split[d] < 0 || split[d] > 100);
  if (outOfRange.length > 0) {
    return outOfRange.flatMap((d) =>
      issueIf(
        true,
        `${path}.${d}`,
        `${d} 维度分值应为 0 至 100，现为 ${split[d]}`,
        `The ${d} dimension's points must be from 0 to 100, not ${split[d]}`,
      ),
    );
  }
  const total = EVALUATION_DIMENSIONS.reduce((sum, d) => sum + millionths(split[d]), 0);
  const outputBenefit = millionths(split.OUTPUT) + millionths(split.BENEFIT);
  const [d, p, o, b] = EVALUATION_DIMENSIONS.map((dim) => split[dim]);
  return [
    ...issueIf(
      total !== millionths(100),
      path,
      `决策、过程、产出、效益分值合计应为 100，现为 ${d} + ${p} + ${o} + ${b} = ${shown(total)}`,
      `DECISION, PROCESS, OUTPUT and BENEFIT must add up to 100, not ${d} + ${p} + ${o} + ${b} = ${shown(total)}`,
    ),
    ...issueIf(
      outputBenefit < millionths(minOutputBenefitPercent),
      path,
      `产出与效益合计应不低于 ${minOutputBenefitPercent}%，现为 ${o} + ${b} = ${shown(outputBenefit)}`,
      `OUTPUT and BENEFIT together must carry at least ${minOutputBenefitPercent} %, not ${o} + ${b} = ${shown(outputBenefit)}`,
    ),
  ];
}
