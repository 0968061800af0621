import { PRE_ASSESSMENT_DIMENSIONS, type PreAssessmentDimension } from '@jixiao/events';

export type DimensionScores = Record<PreAssessmentDimension, number>;

/**
 * Rounds half up to hundredths without binary drift: 16.995 (stored as 16.99499…) → 17, not 16.99.
 * Twelve significant digits drop the drift of a float before rounding.
 */
export const round2 = (n: number): number => Math.round(Number((n * 100).toPrecision(12))) / 100;

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
