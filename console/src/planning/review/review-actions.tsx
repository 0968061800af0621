import type { ReviewableGoalData } from './reviewable-goal';

/**
 * The review side of a goal, by the person's role and the goal's state: joint-review opinions, the
 * department's and the performance section's conclusions, issue, adjust, exemplary sample.
 * The page passes a goal read with `...ReviewableGoal` (./reviewable-goal).
 */
export function GoalReviewActions({ goal }: { goal: ReviewableGoalData }) {
  void goal;
  return null;
}
