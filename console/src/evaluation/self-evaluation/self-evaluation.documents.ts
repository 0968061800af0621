import { graphql } from '../../gql';

export const SelfEvaluationsQuery = graphql(`
  query SelfEvaluations($filter: SelfEvaluationFilter!, $page: PageInput) {
    selfEvaluations(filter: $filter, page: $page) {
      totalCount
      nodes {
        id
        unitId
        name
        object
        status
        dueDate
        overdue
        late
        drawn
        departmentReview
        submission
        total
        grade
        submittedAt
      }
    }
  }
`);

/** One self-evaluation with its latest score sheet and its reviews. */
export const SelfEvaluationQuery = graphql(`
  query SelfEvaluation($id: ID!) {
    selfEvaluation(id: $id) {
      id
      unitId
      divisionCode
      fiscalYear
      object
      goalId
      projectId
      name
      status
      dueDate
      overdue
      late
      departmentReview
      submission
      drawn
      budget
      executed
      ruleProfile {
        profileId
        version
      }
      budgetExecution {
        weight
        rate
        awarded
        formula {
          zh
        }
      }
      lines {
        indicatorId
        name
        level1
        operator
        target
        points
        actual
        qualitative {
          level
          percent
        }
        reason
        deviationCause
        improvementMeasure
        part
        scaledPoints
        scaling {
          zh
        }
        awarded
        full
        formula {
          zh
        }
      }
      parts {
        part
        weight
        profileWeight
        awarded
        formula {
          zh
        }
      }
      total
      grade
      reviews {
        stage
        submission
        decision
        comment
        decidedAt
      }
      acceptedBasis
      submittedAt
    }
  }
`);

/** The goal a project's self-evaluation scores: its issued indicators. */
export const EvaluatedGoalQuery = graphql(`
  query EvaluatedGoal($id: ID!) {
    goal(id: $id) {
      id
      projectName
      projectCode
      amount
      issuedAmount
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
      }
    }
  }
`);

export const PreviewSelfEvaluationScoreQuery = graphql(`
  query PreviewSelfEvaluationScore($input: SubmitSelfEvaluationInput!) {
    previewSelfEvaluationScore(input: $input) {
      budgetExecution {
        weight
        rate
        awarded
        formula {
          zh
        }
      }
      lines {
        indicatorId
        name
        part
        points
        scaledPoints
        scaling {
          zh
        }
        awarded
        full
        formula {
          zh
        }
      }
      parts {
        part
        weight
        profileWeight
        awarded
        formula {
          zh
        }
      }
      total
      grade
      issues {
        path
        zh
        en
      }
    }
  }
`);

export const SubmitSelfEvaluationMutation = graphql(`
  mutation SubmitSelfEvaluation($input: SubmitSelfEvaluationInput!) {
    submitSelfEvaluation(input: $input) {
      id
      status
      total
      grade
    }
  }
`);

export const ReviewSelfEvaluationMutation = graphql(`
  mutation ReviewSelfEvaluation($input: SelfEvaluationDecisionInput!) {
    reviewSelfEvaluation(input: $input) {
      id
      status
    }
  }
`);

export const DecideSpotCheckMutation = graphql(`
  mutation DecideSpotCheck($input: SelfEvaluationDecisionInput!) {
    decideSpotCheck(input: $input) {
      id
      status
    }
  }
`);

export const EvaluationNoticeQuery = graphql(`
  query EvaluationNotice($fiscalYear: Int!) {
    evaluationNotice(fiscalYear: $fiscalYear) {
      divisionCode
      fiscalYear
      dueDate
      duePassed
      taskCount
      issuedAt
      ruleProfile {
        profileId
        version
      }
      draw {
        seed
        percent
        drawnUnitIds
        poolUnitIds
        drawnAt
      }
    }
  }
`);

export const IssueEvaluationNoticeMutation = graphql(`
  mutation IssueEvaluationNotice($input: IssueEvaluationNoticeInput!) {
    issueEvaluationNotice(input: $input) {
      taskCount
    }
  }
`);

export const DrawSpotCheckMutation = graphql(`
  mutation DrawSpotCheck($input: DrawSpotCheckInput!) {
    drawSpotCheck(input: $input) {
      draw {
        drawnUnitIds
      }
    }
  }
`);
