import { graphql } from '../../gql';

/** What every disbursement page reads of a request. */
export const DisbursementRequestFields = graphql(`
  fragment DisbursementRequestFields on DisbursementRequest {
    id
    unitId
    projectId
    goalId
    fiscalYear
    amount
    purpose
    batch
    status
    submission
    firstSubmittedAt
    lastSubmittedAt
    decidedAt
    documentsReceived
    version
    documents {
      attachmentId
      name
      sizeBytes
      contentType
      sha256
    }
    opinion {
      outcome
      reasons
      comment
      submission
      signerId
      signedAt
      shown {
        goalSet
        goalStatus
        inGoalManagement
        executionRate
        latestLikelihood
        stopFunding
        heldBefore
      }
      overrides {
        fact
        shown
        signed
        reason
      }
    }
  }
`);

export const DisbursementRequestsQuery = graphql(`
  query DisbursementRequests($filter: DisbursementRequestFilter, $page: PageInput) {
    disbursementRequests(filter: $filter, page: $page) {
      totalCount
      nodes {
        ...DisbursementRequestFields
      }
    }
  }
`);

export const DisbursementRequestQuery = graphql(`
  query DisbursementRequest($id: ID!) {
    disbursementRequest(id: $id) {
      ...DisbursementRequestFields
    }
  }
`);

export const DisbursementQueueQuery = graphql(`
  query DisbursementQueue($page: PageInput) {
    disbursementQueue(page: $page) {
      totalCount
      nodes {
        daysWaiting
        request {
          ...DisbursementRequestFields
        }
      }
    }
  }
`);

export const DisbursementOpinionFormQuery = graphql(`
  query DisbursementOpinionForm($requestId: ID!) {
    disbursementOpinionForm(requestId: $requestId) {
      allocated
      cleared
      otherOpen
      facts {
        goalSet
        goalStatus
        inGoalManagement
        executionRate
        latestLikelihood
        stopFunding
        heldBefore
      }
      request {
        ...DisbursementRequestFields
      }
    }
  }
`);

export const DisbursementFiguresQuery = graphql(`
  query DisbursementFigures($fiscalYear: Int!, $unitId: ID) {
    disbursementFigures(fiscalYear: $fiscalYear, unitId: $unitId) {
      fiscalYear
      total {
        requests
        amount
        cleared
        clearedAmount
        held
        heldAmount
        waiting
        documentsReceived
        allocated
        executed
        executionRate
      }
      byUnit {
        unitId
        requests
        amount
        cleared
        clearedAmount
        held
        heldAmount
        waiting
        documentsReceived
        allocated
        executed
        executionRate
      }
      byMonth {
        month
        requests
        amount
        cleared
        clearedAmount
        held
        heldAmount
        waiting
        documentsReceived
      }
    }
  }
`);

/** The goals a unit may ask money for: its goals of the year in goal management after issue. */
export const IssuedGoalsQuery = graphql(`
  query DisbursementIssuedGoals($filter: GoalFilter) {
    goals(filter: $filter, page: { first: 200 }) {
      nodes {
        id
        projectId
        projectCode
        projectName
        issuedAmount
        amount
        status
        statusLabel
      }
    }
  }
`);

/** A request's project and unit by its goal (the request carries ids only). */
export const RequestGoalQuery = graphql(`
  query DisbursementRequestGoal($id: ID!) {
    goal(id: $id) {
      id
      projectCode
      projectName
      unit {
        id
        name
      }
    }
  }
`);

export const SubmitDisbursementRequestMutation = graphql(`
  mutation SubmitDisbursementRequest($input: SubmitDisbursementRequestInput!) {
    submitDisbursementRequest(input: $input) {
      id
      status
    }
  }
`);

export const ResubmitDisbursementRequestMutation = graphql(`
  mutation ResubmitDisbursementRequest($input: ResubmitDisbursementRequestInput!) {
    resubmitDisbursementRequest(input: $input) {
      id
      status
      submission
    }
  }
`);

export const SignDisbursementOpinionMutation = graphql(`
  mutation SignDisbursementOpinion($input: SignDisbursementOpinionInput!) {
    signDisbursementOpinion(input: $input) {
      id
      status
    }
  }
`);
