import { graphql } from '../../gql';

/** 我的审核待办, a page at a time, the goals waiting longest first (the platform orders them). */
export const ReviewQueueDocument = graphql(`
  query ReviewQueue($page: PageInput) {
    reviewQueue(page: $page) {
      totalCount
      nodes {
        ...ReviewableGoal
        projectCode
        overallGoal
        statusLabel
        submittedAt
        updatedAt
        unit {
          id
          name
        }
      }
    }
  }
`);

/** A goal entered, changed in or left the person's queue (another reviewer acted, a unit submitted). */
export const MyReviewQueueChangedDocument = graphql(`
  subscription MyReviewQueueChanged {
    myReviewQueueChanged {
      goalId
      inQueue
      totalCount
    }
  }
`);
