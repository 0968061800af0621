import { graphql } from '../../gql';

/** The commands of the review side; each answers with the goal as the review actions read it. */
export const RecordReviewOpinionDocument = graphql(`
  mutation RecordReviewOpinion($input: RecordReviewOpinionInput!) {
    recordReviewOpinion(input: $input) {
      ...ReviewableGoal
    }
  }
`);

export const ReviewGoalDocument = graphql(`
  mutation ReviewGoal($input: ReviewGoalInput!) {
    reviewGoal(input: $input) {
      ...ReviewableGoal
    }
  }
`);

export const IssueGoalDocument = graphql(`
  mutation IssueGoal($input: IssueGoalInput!) {
    issueGoal(input: $input) {
      ...ReviewableGoal
    }
  }
`);

export const AdjustGoalDocument = graphql(`
  mutation AdjustGoal($input: AdjustGoalInput!) {
    adjustGoal(input: $input) {
      ...ReviewableGoal
    }
  }
`);

export const MarkGoalExemplaryDocument = graphql(`
  mutation MarkGoalExemplary($input: MarkGoalExemplaryInput!) {
    markGoalExemplary(input: $input) {
      ...ReviewableGoal
    }
  }
`);
