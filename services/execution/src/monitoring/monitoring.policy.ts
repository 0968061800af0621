import type { OperationPolicy, PolicyRows } from '@jixiao/service-kit';

/** Who reads monitoring: the finance bureau's performance and budget sections and auditors all; a unit its own. */
const MONITORING_READ: OperationPolicy = {
  PERFORMANCE_SECTION: 'ALL',
  BUDGET_SECTION: 'ALL',
  AUDITOR: 'ALL',
  BUDGET_UNIT: 'OWN_UNIT',
};

/**
 * 权限表 of monitoring (绩效监控): the performance section opens rounds and decides corrections on
 * warnings (and lifts a stop); a budget unit files (and previews) its own goals' reports; the budget
 * section and auditors read everything, a unit its own rows (and every round, with its counts).
 */
export const monitoringPolicy: PolicyRows = {
  'Mutation.openMonitoringRound': { PERFORMANCE_SECTION: 'ALL' },
  'Mutation.fileMonitoringReport': { BUDGET_UNIT: 'OWN_UNIT' },
  'Query.previewMonitoringWarnings': { BUDGET_UNIT: 'OWN_UNIT' },
  'Mutation.decideMonitoringCorrection': { PERFORMANCE_SECTION: 'ALL' },
  'Mutation.liftFundingStop': { PERFORMANCE_SECTION: 'ALL' },
  // the rounds are the bureau's notice to every unit (which to report in, by when): counted division-wide
  'Query.monitoringRounds': { ...MONITORING_READ, BUDGET_UNIT: 'ALL' },
  'Query.monitoringRoundProgress': MONITORING_READ,
  'Query.monitoringWarnings': MONITORING_READ,
  'Query.goalMonitoringHistory': MONITORING_READ,
};
