import { monitoringReportsProjection, monitoringRoundsProjection } from '@jixiao/projections';
import type { ContextPart } from '@jixiao/service-kit';
import { monitoringGenerator } from './monitoring.generator';
import { monitoringRoundDeadline, overdueOnDuePassed } from './monitoring.overdue';
import { monitoringPolicy } from './monitoring.policy';
import { MonitoringResolver } from './monitoring.resolver';

/** 绩效监控 — monitoring rounds, reports, warnings and corrections: read models, operations, the due-date deadline, generator steps. */
export const monitoringPart: ContextPart = {
  projections: [monitoringRoundsProjection, monitoringReportsProjection],
  policy: monitoringPolicy,
  resolvers: [MonitoringResolver],
  deadlines: [monitoringRoundDeadline],
  reactions: [overdueOnDuePassed],
  generator: monitoringGenerator,
};
