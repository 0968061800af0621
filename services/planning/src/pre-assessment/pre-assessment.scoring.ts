import { PRE_ASSESSMENT_DIMENSIONS, type PreAssessmentDimension } from '@jixiao/events';

export type DimensionScores = Record<PreAssessmentDimension, number>;

/** Rounds to hundredths without binary drift: 84.495 → 84.5, not 84.49. */
export const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

/** Per dimension, the mean of its scorers' points (rounded to hundredths); null where nobody scored. */
export function dimensionMeans(
  scores: readonly { dimension: PreAssessmentDimension; points: number }[],
): Record<PreAssessmentDimension, number | null> {
  const entries = PRE_ASSESSMENT_DIMENSIONS.map((d) => {
    const points = scores.filter((s) => s.dimension === d).map((s) => s.points);
    return [d, points.length ? round2(points.reduce((a, b) => a + b, 0) / points.length) : null] as const;
  });
  return Object.fromEntries(entries) as Record<PreAssessmentDimension, number | null>;
}

/** 总分 = the sum of the dimension means; passes when it reaches the pass mark (85 passes, 84.5 fails). */
export function totalScore(means: DimensionScores, passMark: number): { total: number; passed: boolean } {
  const total = round2(PRE_ASSESSMENT_DIMENSIONS.reduce((sum, d) => sum + means[d], 0));
  return { total, passed: total >= passMark };
}
