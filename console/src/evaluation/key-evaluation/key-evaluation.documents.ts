import { graphql } from '../../gql';

export const KeyEvaluationsQuery = graphql(`
  query KeyEvaluations($filter: KeyEvaluationFilter, $page: PageInput) {
    keyEvaluations(filter: $filter, page: $page) {
      totalCount
      nodes {
        id
        kind
        object
        subject
        unitId
        fiscalYear
        stage
        stageEnteredAt
        evaluatorId
        contractNumber
        openFeedback
        final {
          total
          grade
        }
      }
    }
  }
`);

/** One key evaluation with everything the workspace shows. */
export const KeyEvaluationQuery = graphql(`
  query KeyEvaluation($id: ID!) {
    keyEvaluation(id: $id) {
      id
      kind
      object
      unitId
      projectId
      subject
      fiscalYear
      split {
        dimension
        points
      }
      stage
      stageEnteredAt
      evaluatorId
      contractNumber
      assignmentScope
      evidence {
        id
        kind
        date
        place
        documents
        participants
        questionnaire {
          sent
          returned
          satisfactionPercent
        }
        note
        attachments {
          attachmentId
          name
          sizeBytes
          contentType
          sha256
        }
        recordedAt
      }
      scores {
        dimension
        indicator
        points
        maxPoints
        reason
      }
      expertScores {
        expertId
        dimension
        indicator
        points
        maxPoints
        reason
      }
      reports {
        version
        summary
        submittedAt
        report {
          attachmentId
          name
          sizeBytes
          contentType
          sha256
        }
      }
      feedback {
        id
        source
        onVersion
        text
        givenAt
        answer {
          adopted
          text
          answeredAt
        }
      }
      openFeedback
      final {
        total
        grade
        ruleProfile
        finalizedAt
        dimensions {
          dimension
          maxPoints
          awarded
        }
        report {
          attachmentId
          name
          sizeBytes
          contentType
          sha256
        }
      }
      notifiedAt
      version
    }
  }
`);

export const KeyEvaluationBoardQuery = graphql(`
  query KeyEvaluationBoard($fiscalYear: Int!) {
    keyEvaluationBoard(fiscalYear: $fiscalYear) {
      stages {
        stage
        count
      }
      items {
        daysInStage
        evaluation {
          id
          subject
          object
          kind
          unitId
          stage
          stageEnteredAt
          evaluatorId
          openFeedback
        }
      }
    }
  }
`);

export const RecordEvaluationEvidenceMutation = graphql(`
  mutation RecordEvaluationEvidence($input: RecordEvaluationEvidenceInput!) {
    recordEvaluationEvidence(input: $input) {
      id
      stage
    }
  }
`);

export const GiveEvaluationScoresMutation = graphql(`
  mutation GiveEvaluationScores($input: GiveEvaluationScoresInput!) {
    giveEvaluationScores(input: $input) {
      id
      stage
    }
  }
`);

export const GiveExpertEvaluationScoresMutation = graphql(`
  mutation GiveExpertEvaluationScores($input: GiveEvaluationScoresInput!) {
    giveExpertEvaluationScores(input: $input) {
      id
      stage
    }
  }
`);

export const SubmitEvaluationDraftReportMutation = graphql(`
  mutation SubmitEvaluationDraftReport($input: SubmitEvaluationReportInput!) {
    submitEvaluationDraftReport(input: $input) {
      id
      stage
    }
  }
`);

export const FinalizeKeyEvaluationMutation = graphql(`
  mutation FinalizeKeyEvaluation($input: SubmitEvaluationReportInput!) {
    finalizeKeyEvaluation(input: $input) {
      id
      stage
    }
  }
`);

export const GiveEvaluationFeedbackMutation = graphql(`
  mutation GiveEvaluationFeedback($input: GiveEvaluationFeedbackInput!) {
    giveEvaluationFeedback(input: $input) {
      id
      openFeedback
    }
  }
`);

export const AnswerEvaluationFeedbackMutation = graphql(`
  mutation AnswerEvaluationFeedback($input: AnswerEvaluationFeedbackInput!) {
    answerEvaluationFeedback(input: $input) {
      id
      openFeedback
    }
  }
`);

export const NotifyKeyEvaluationResultsMutation = graphql(`
  mutation NotifyKeyEvaluationResults($input: NotifyKeyEvaluationResultsInput!) {
    notifyKeyEvaluationResults(input: $input) {
      id
      stage
    }
  }
`);

export const PlanKeyEvaluationMutation = graphql(`
  mutation PlanKeyEvaluation($input: PlanKeyEvaluationInput!) {
    planKeyEvaluation(input: $input) {
      id
    }
  }
`);

export const AssignKeyEvaluationMutation = graphql(`
  mutation AssignKeyEvaluation($input: AssignKeyEvaluationInput!) {
    assignKeyEvaluation(input: $input) {
      id
      stage
    }
  }
`);

/** The agencies with their contracts, to assign an evaluation under one. */
export const AgencyContractsQuery = graphql(`
  query AgencyContracts {
    agencies(page: { first: 100 }) {
      nodes {
        id
        name
        contracts {
          contractNumber
          from
          to
          scope
        }
      }
    }
  }
`);

export const UnitProjectsQuery = graphql(`
  query UnitProjectsForEvaluation($filter: ProjectFilter) {
    projects(filter: $filter, page: { first: 200 }) {
      nodes {
        id
        name
        code
      }
    }
  }
`);
