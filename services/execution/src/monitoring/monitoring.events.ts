import type {
  EventOf,
  MonitoringReportFiled as MonitoringReportFiledDef,
  MonitoringRoundOpened as MonitoringRoundOpenedDef,
  MonitoringWarningRaised as MonitoringWarningRaisedDef,
} from '@jixiao/events';

/** 绩效监控已启动. */
export type MonitoringRoundOpened = EventOf<typeof MonitoringRoundOpenedDef>;
/** 绩效监控情况已填报. */
export type MonitoringReportFiled = EventOf<typeof MonitoringReportFiledDef>;
/** 监控预警. */
export type MonitoringWarningRaised = EventOf<typeof MonitoringWarningRaisedDef>;

/** Every event of a `monitoring-<roundId>-<goalId>` stream: the goal's report in that round, its warnings. */
export type MonitoringReportEvent = MonitoringReportFiled | MonitoringWarningRaised;
