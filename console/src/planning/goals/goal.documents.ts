import { graphql } from '../../gql';
import type { GoalDetailQuery } from '../../gql/graphql';

/**
 * The goal page's read: everything the unit and the reviewers look at, and the version commands carry.
 * It selects every field of the review actions' ReviewableGoal fragment itself, without spreading it:
 * the gateway answers a list selected both in a fragment and beside it (`...F indicators { id }`) with
 * the two lists concatenated — every indicator twice. Passing the goal to <GoalReviewActions> checks at
 * compile time that nothing of the fragment is missing here.
 */
export const GoalDetailDocument = graphql(`
  query GoalDetail($id: ID!) {
    goal(id: $id) {
      id
      projectId
      projectCode
      projectName
      fiscalYear
      divisionCode
      term
      overallGoal
      amount
      status
      statusLabel
      reviewRounds
      departmentReview
      exemplary
      exemplaryReason
      adjustmentCount
      budgetDocument
      issuedAmount
      copiedFromGoalId
      version
      createdAt
      submittedAt
      updatedAt
      unit {
        id
        name
        code
      }
      ruleProfile {
        profileId
        version
      }
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
        revisionCount
      }
      reviews {
        round
        stage
        reviewerRole
        result
        comment
        reviewedAt
        eventId
        indicatorComments {
          indicatorId
          comment
        }
      }
      opinions {
        round
        reviewerRole
        reviewerId
        opinion
        comment
        recordedAt
        eventId
        indicatorComments {
          indicatorId
          comment
        }
      }
      adjustments {
        adjustmentCount
        budgetAdjustmentRef
        reason
        amount
        adjustedAt
        eventId
      }
    }
  }
`);

/** The goal as the goal page holds it (the review actions take it too). */
export type GoalDetail = GoalDetailQuery['goal'];
export type GoalIndicator = GoalDetail['indicators'][number];

/** Someone changed the goal: the page reads it again. */
export const GoalStateChangedDocument = graphql(`
  subscription GoalStateChanged($goalId: ID!) {
    goalStateChanged(goalId: $goalId) {
      id
      status
      version
    }
  }
`);

/** The rule profile in force where the goal is: its indicator catalogue decides which level-1 categories exist. */
export const GoalRuleProfileDocument = graphql(`
  query GoalRuleProfile($fiscalYear: Int!, $divisionCode: String!) {
    ruleProfile(fiscalYear: $fiscalYear, divisionCode: $divisionCode) {
      name
      indicatorCatalogueVersion
      ref {
        profileId
        version
      }
    }
  }
`);

export const DraftGoalDocument = graphql(`
  mutation DraftGoal($input: DraftGoalInput!) {
    draftGoal(input: $input) {
      id
      version
    }
  }
`);

export const DraftGoalFromSampleDocument = graphql(`
  mutation DraftGoalFromSample($input: DraftGoalFromSampleInput!) {
    draftGoalFromSample(input: $input) {
      id
      version
    }
  }
`);

export const SubmitDraftDocument = graphql(`
  mutation SubmitDraft($input: SubmitDraftInput!) {
    submitDraft(input: $input) {
      id
      status
      version
    }
  }
`);

export const AddIndicatorDocument = graphql(`
  mutation AddIndicator($input: AddIndicatorInput!) {
    addIndicator(input: $input) {
      id
      version
    }
  }
`);

export const AddIndicatorFromTemplateDocument = graphql(`
  mutation AddIndicatorFromTemplate($input: AddIndicatorFromTemplateInput!) {
    addIndicatorFromTemplate(input: $input) {
      id
      version
    }
  }
`);

export const ReviseIndicatorDocument = graphql(`
  mutation ReviseIndicator($input: ReviseIndicatorInput!) {
    reviseIndicator(input: $input) {
      id
      version
    }
  }
`);

export const RemoveIndicatorDocument = graphql(`
  mutation RemoveIndicator($input: RemoveIndicatorInput!) {
    removeIndicator(input: $input) {
      id
      version
    }
  }
`);
