import { BigIntType, EntitySchema } from '@mikro-orm/core';

/** 监控轮次 — one row per monitoring round, as opened. */
export interface MonitoringRoundRow {
  streamId: string;
  lastVersion: number;
  roundId: string;
  divisionCode: string;
  fiscalYear: number;
  name: string;
  throughMonth: number;
  dueDate: string;
  executionTolerancePoints: number;
  openedAt: Date;
  /** The due date passed (the scheduler's `MonitoringRoundDuePassed`): overdue warnings stand from then. */
  duePassed: boolean;
}

/** One indicator's line of a filed report. */
export interface ReportedIndicator {
  indicatorId: string;
  valueSoFar: number | null;
  forecast: number | null;
  likelihood: string;
  deviationCause: string | null;
}

/** 监控填报 — one goal's report in one round (its report stream), once filed. */
export interface MonitoringReportRow {
  streamId: string;
  /** The report stream's version applied (on each of the stream's rows). */
  lastVersion: number;
  roundId: string;
  goalId: string;
  unitId: string;
  projectId: string | null;
  fiscalYear: number;
  budgetFen: number;
  executedFen: number;
  executionRate: string | null;
  indicators: ReportedIndicator[];
  late: boolean;
  filedAt: Date;
}

/** 监控预警 — one warning, with the numbers that raised it and the kinds of correction decided on it. */
export interface MonitoringWarningRow {
  warningId: string;
  streamId: string;
  lastVersion: number;
  /** Its place among the stream's warnings. */
  position: number;
  roundId: string;
  goalId: string;
  unitId: string;
  kind: string;
  severity: string;
  indicatorId: string | null;
  figures: Record<string, string | number>;
  raisedAt: Date;
  /** Kinds of the corrections decided on it, in order (a lifted stop stays listed). */
  corrections: string[];
  corrected: boolean;
}

/** 纠偏措施 — one correction decided on a warning, and whether a stop-funding one was lifted. */
export interface MonitoringCorrectionRow {
  correctionId: string;
  streamId: string;
  lastVersion: number;
  /** Its place among the stream's corrections. */
  position: number;
  warningId: string;
  roundId: string;
  goalId: string;
  unitId: string;
  projectId: string | null;
  kind: string;
  reason: string;
  recoverFen: number | null;
  decidedAt: Date;
  lifted: boolean;
  liftReason: string | null;
  liftedAt: Date | null;
}

export const MonitoringRoundRowSchema = new EntitySchema<MonitoringRoundRow>({
  name: 'MonitoringRoundRow',
  tableName: 'rm_monitoring_round',
  indexes: [{ properties: ['fiscalYear', 'divisionCode'] }],
  properties: {
    streamId: { type: 'string', primary: true },
    lastVersion: { type: 'integer' },
    roundId: { type: 'string', unique: true },
    divisionCode: { type: 'string' },
    fiscalYear: { type: 'integer' },
    name: { type: 'string' },
    throughMonth: { type: 'integer' },
    dueDate: { type: 'string' },
    executionTolerancePoints: { type: 'double' },
    openedAt: { type: 'datetime' },
    duePassed: { type: 'boolean' },
  },
});

export const MonitoringReportRowSchema = new EntitySchema<MonitoringReportRow>({
  name: 'MonitoringReportRow',
  tableName: 'rm_monitoring_report',
  indexes: [{ properties: ['roundId', 'unitId'] }, { properties: ['goalId'] }],
  properties: {
    streamId: { type: 'string', primary: true },
    lastVersion: { type: 'integer' },
    roundId: { type: 'string' },
    goalId: { type: 'string' },
    unitId: { type: 'string' },
    projectId: { type: 'string', nullable: true },
    fiscalYear: { type: 'integer' },
    budgetFen: { type: new BigIntType('number') },
    executedFen: { type: new BigIntType('number') },
    executionRate: { type: 'string', nullable: true },
    indicators: { type: 'json' },
    late: { type: 'boolean' },
    filedAt: { type: 'datetime' },
  },
});

export const MonitoringWarningRowSchema = new EntitySchema<MonitoringWarningRow>({
  name: 'MonitoringWarningRow',
  tableName: 'rm_monitoring_warning',
  indexes: [{ properties: ['roundId', 'kind'] }, { properties: ['unitId', 'roundId'] }, { properties: ['goalId'] }],
  properties: {
    warningId: { type: 'string', primary: true },
    streamId: { type: 'string', index: true },
    lastVersion: { type: 'integer' },
    position: { type: 'integer' },
    roundId: { type: 'string' },
    goalId: { type: 'string' },
    unitId: { type: 'string' },
    kind: { type: 'string' },
    severity: { type: 'string' },
    indicatorId: { type: 'string', nullable: true },
    figures: { type: 'json' },
    raisedAt: { type: 'datetime' },
    corrections: { type: 'json' },
    corrected: { type: 'boolean' },
  },
});

export const MonitoringCorrectionRowSchema = new EntitySchema<MonitoringCorrectionRow>({
  name: 'MonitoringCorrectionRow',
  tableName: 'rm_monitoring_correction',
  indexes: [{ properties: ['goalId'] }, { properties: ['projectId', 'kind'] }],
  properties: {
    correctionId: { type: 'string', primary: true },
    streamId: { type: 'string', index: true },
    lastVersion: { type: 'integer' },
    position: { type: 'integer' },
    warningId: { type: 'string' },
    roundId: { type: 'string' },
    goalId: { type: 'string' },
    unitId: { type: 'string' },
    projectId: { type: 'string', nullable: true },
    kind: { type: 'string' },
    reason: { type: 'text' },
    recoverFen: { type: new BigIntType('number'), nullable: true },
    decidedAt: { type: 'datetime' },
    lifted: { type: 'boolean' },
    liftReason: { type: 'text', nullable: true },
    liftedAt: { type: 'datetime', nullable: true },
  },
});
