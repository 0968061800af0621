import type { GoalOpinionEntry, GoalReviewEntry } from '@jixiao/projections';

/** A goal's review record, as the goals read model keeps it, with the level 1 of each indicator it still has. */
export interface ReviewedGoal {
  reviews: Pick<GoalReviewEntry, 'result' | 'reviewerRole' | 'comment' | 'indicatorComments'>[];
  opinions: Pick<GoalOpinionEntry, 'opinion' | 'reviewerRole' | 'comment' | 'indicatorComments'>[];
  /** indicator id → its level 1 (OUTPUT, BENEFIT …) */
  level1Of: ReadonlyMap<string, string>;
}

/** Why goals were sent back in a year: who returned them and which kinds of indicator the comments named. */
export interface ReturnReasonFigures {
  /** RETURN decisions (the department's and the finance bureau's reviews). */
  returnDecisions: number;
  /** RETURN opinions of joint-review members. */
  returnOpinions: number;
  /** Returns (decisions and opinions) per reviewer role, most first. */
  byReviewer: { reviewerRole: string; count: number }[];
  /** Comments on indicators in returns, per level 1 of the indicator; REMOVED for one removed since. */
  byIndicatorCategory: { level1: string; count: number }[];
  /** Returns whose reasons name no indicator (a general comment only). */
  withoutIndicatorComment: number;
}

/** Level 1 of an indicator a return commented on and the goal no longer has. */
export const REMOVED_INDICATOR = 'REMOVED';

const sorted = <K extends string>(counts: Map<string, number>, key: K) =>
  [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([value, count]) => ({ [key]: value, count }) as Record<K, string> & { count: number });

/** Counts the returns of the given goals (pure: the resolver reads the rows, this adds them up). */
export function returnReasonFigures(goals: readonly ReviewedGoal[]): ReturnReasonFigures {
  const byReviewer = new Map<string, number>();
  const byCategory = new Map<string, number>();
  let returnDecisions = 0;
  let returnOpinions = 0;
  let withoutIndicatorComment = 0;
  const add = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const goal of goals) {
    const returns = [
      ...goal.reviews.filter((review) => review.result === 'RETURN'),
      ...goal.opinions.filter((opinion) => opinion.opinion === 'RETURN'),
    ];
    returnDecisions += goal.reviews.filter((review) => review.result === 'RETURN').length;
    returnOpinions += goal.opinions.filter((opinion) => opinion.opinion === 'RETURN').length;
    for (const entry of returns) {
      add(byReviewer, entry.reviewerRole);
      const named = entry.indicatorComments.filter((c) => c.comment.trim() !== '');
      if (named.length === 0) withoutIndicatorComment += 1;
      for (const comment of named) add(byCategory, goal.level1Of.get(comment.indicatorId) ?? REMOVED_INDICATOR);
    }
  }
  return {
    returnDecisions,
    returnOpinions,
    byReviewer: sorted(byReviewer, 'reviewerRole'),
    byIndicatorCategory: sorted(byCategory, 'level1'),
    withoutIndicatorComment,
  };
}
