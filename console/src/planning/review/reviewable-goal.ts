import { graphql } from '../../gql';
import type { ReviewableGoalFragment } from '../../gql/graphql';

/**
 * What the review actions read of a goal. A page that renders `<GoalReviewActions goal={…} />` spreads
 * `...ReviewableGoal` into its query (the goal page, the review queue).
 */
export const ReviewableGoal = graphql(`
  fragment ReviewableGoal on Goal {
    id
    status
    version
    fiscalYear
    divisionCode
    reviewRounds
    departmentReview
    exemplary
    amount
    projectName
    indicators {
      id
      level1
      level2
      name
      operator
      targetValue
      targetText
      unit
      points
      basis
      core
      templateId
    }
    opinions {
      round
      reviewerRole
      reviewerId
      opinion
      comment
      indicatorComments {
        indicatorId
        comment
      }
      recordedAt
    }
  }
`);

export type ReviewableGoalData = ReviewableGoalFragment;
/** One indicator of a goal under review. */
export type ReviewIndicator = ReviewableGoalData['indicators'][number];
/** One joint-review opinion. */
export type ReviewOpinion = ReviewableGoalData['opinions'][number];

/** The opinions of the round under review (the goal's latest submission). */
export const currentRoundOpinions = (goal: ReviewableGoalData): ReviewOpinion[] =>
  goal.opinions.filter((o) => o.round === goal.reviewRounds);

/** 「资助学生人数（产出·数量）」: how an indicator is named where a reviewer picks it. */
export const indicatorName = (goal: ReviewableGoalData, indicatorId: string): string =>
  goal.indicators.find((i) => i.id === indicatorId)?.name ?? indicatorId;
