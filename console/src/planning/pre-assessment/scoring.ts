/**
 * The platform's scoring (services/planning/src/pre-assessment/pre-assessment.scoring.ts), mirrored
 * so the page can show the total the scores given so far make before the conclusion fixes it: per
 * dimension the mean of its scorers' points, rounded half up to hundredths; the total their sum.
 */
export const round2 = (n: number): number => Math.round(Number((n * 100).toPrecision(12))) / 100;

export interface ScoreLike {
  dimension: string;
  points: number;
}

/** Each dimension's mean (null where nobody scored it) and the total, null until every dimension has a score. */
export function provisional(
  dimensions: readonly string[],
  scores: readonly ScoreLike[],
): { means: Record<string, number | null>; total: number | null } {
  const means: Record<string, number | null> = {};
  for (const d of dimensions) {
    const points = scores.filter((s) => s.dimension === d).map((s) => s.points);
    means[d] = points.length ? round2(points.reduce((a, b) => a + b, 0) / points.length) : null;
  }
  const values = Object.values(means);
  const total = values.every((v) => v !== null) ? round2(values.reduce<number>((a, b) => a + (b ?? 0), 0)) : null;
  return { means, total };
}
