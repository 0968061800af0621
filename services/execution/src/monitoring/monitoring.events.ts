import type {
  EventOf,
  FundingStopLifted as FundingStopLiftedDef,
  MonitoringCorrectionDecided as MonitoringCorrectionDecidedDef,
  MonitoringReportFiled as MonitoringReportFiledDef,
  MonitoringRoundDuePassed as MonitoringRoundDuePassedDef,
  MonitoringRoundOpened as MonitoringRoundOpenedDef,
  MonitoringWarningRaised as MonitoringWarningRaisedDef,
} from '@jixiao/events';

/** 绩效监控已启动. */
export type MonitoringRoundOpened = EventOf<typeof MonitoringRoundOpenedDef>;
/** 绩效监控填报截止日已过. */
export type MonitoringRoundDuePassed = EventOf<typeof MonitoringRoundDuePassedDef>;
/** Every event of a `monitoringround-<roundId>` stream. */
export type MonitoringRoundEvent = MonitoringRoundOpened | MonitoringRoundDuePassed;
/** 绩效监控情况已填报. */
export type MonitoringReportFiled = EventOf<typeof MonitoringReportFiledDef>;
/** 监控预警. */
export type MonitoringWarningRaised = EventOf<typeof MonitoringWarningRaisedDef>;
/** 监控纠偏措施已决定. */
export type MonitoringCorrectionDecided = EventOf<typeof MonitoringCorrectionDecidedDef>;
/** 停止拨款决定已解除. */
export type FundingStopLifted = EventOf<typeof FundingStopLiftedDef>;

/**
 * Every event of a `monitoring-<roundId>-<goalId>` stream: the goal's report in that round, its
 * warnings, the corrections decided on them and a stop-funding correction's lifting.
 */
export type MonitoringReportEvent =
  MonitoringReportFiled | MonitoringWarningRaised | MonitoringCorrectionDecided | FundingStopLifted;
