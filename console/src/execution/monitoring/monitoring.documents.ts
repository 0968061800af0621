import { graphql } from '../../gql';

export const MonitoringRoundsQuery = graphql(`
  query MonitoringRounds($fiscalYear: Int!) {
    monitoringRounds(fiscalYear: $fiscalYear) {
      id
      name
      fiscalYear
      divisionCode
      throughMonth
      dueDate
      executionTolerancePoints
      openedAt
      goals
      reported
      late
      overdue
      warnings
    }
  }
`);

export const MonitoringRoundProgressQuery = graphql(`
  query MonitoringRoundProgress($roundId: ID!) {
    monitoringRoundProgress(roundId: $roundId) {
      round {
        id
        name
        dueDate
        goals
        reported
        late
        overdue
        warnings
      }
      units {
        unitId
        unitName
        goals
        reported
        late
        overdue
        unreportedGoalIds
      }
    }
  }
`);

/** The goal the unit reports on: its indicators and budget. */
export const MonitoredGoalQuery = graphql(`
  query MonitoredGoal($id: ID!) {
    goal(id: $id) {
      id
      projectName
      projectCode
      amount
      issuedAmount
      version
      indicators {
        id
        level2
        name
        operator
        targetValue
        targetText
        unit
      }
    }
  }
`);

export const PreviewMonitoringWarningsQuery = graphql(`
  query PreviewMonitoringWarnings($input: FileMonitoringReportInput!) {
    previewMonitoringWarnings(input: $input) {
      kind
      severity
      indicatorId
      figures {
        name
        value
      }
    }
  }
`);

export const FileMonitoringReportMutation = graphql(`
  mutation FileMonitoringReport($input: FileMonitoringReportInput!) {
    fileMonitoringReport(input: $input) {
      goalId
      roundId
      executionRate
      warnings {
        id
        kind
      }
    }
  }
`);

export const OpenMonitoringRoundMutation = graphql(`
  mutation OpenMonitoringRound($input: OpenMonitoringRoundInput!) {
    openMonitoringRound(input: $input) {
      id
    }
  }
`);

export const MonitoringWarningsQuery = graphql(`
  query MonitoringWarnings($filter: MonitoringWarningFilter, $page: PageInput) {
    monitoringWarnings(filter: $filter, page: $page) {
      totalCount
      nodes {
        id
        roundId
        goalId
        unitId
        kind
        severity
        indicatorId
        raisedAt
        corrected
        figures {
          name
          value
        }
        corrections {
          id
          kind
          reason
          recover
          decidedAt
          lifted
          liftReason
          carriedOut
          budgetAdjustmentRef
        }
      }
    }
  }
`);

export const DecideMonitoringCorrectionMutation = graphql(`
  mutation DecideMonitoringCorrection($input: DecideMonitoringCorrectionInput!) {
    decideMonitoringCorrection(input: $input) {
      id
    }
  }
`);

export const LiftFundingStopMutation = graphql(`
  mutation LiftFundingStop($input: LiftFundingStopInput!) {
    liftFundingStop(input: $input) {
      id
    }
  }
`);
