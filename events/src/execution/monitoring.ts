import { z } from 'zod';
import { defineEvent, type ValueLabels } from '../catalog/define';
import { fenSchema } from '../money';
import { LIKELIHOODS } from './disbursement';

/** What raised a monitoring warning (预警): computed from a report, or a report not filed in time. */
export const WARNING_KINDS = [
  'EXECUTION_BEHIND',
  'FORECAST_MISSES_TARGET',
  'COMPLETION_IMPOSSIBLE',
  'REPORT_OVERDUE',
] as const;
export const WARNING_SEVERITIES = ['WARNING', 'SERIOUS'] as const;

export const WARNING_KIND_LABELS: ValueLabels<(typeof WARNING_KINDS)[number]> = {
  EXECUTION_BEHIND: { zh: '预算执行进度滞后', en: 'budget execution behind the elapsed share of the year' },
  FORECAST_MISSES_TARGET: { zh: '预计全年完成值未达目标', en: 'the full-year forecast misses the target' },
  COMPLETION_IMPOSSIBLE: { zh: '预计无法完成', en: 'completion judged impossible' },
  REPORT_OVERDUE: { zh: '逾期未填报', en: 'report not filed by the due date' },
};
export const WARNING_SEVERITY_LABELS: ValueLabels<(typeof WARNING_SEVERITIES)[number]> = {
  WARNING: { zh: '一般预警', en: 'warning' },
  SERIOUS: { zh: '严重预警', en: 'serious' },
};
export const LIKELIHOOD_LABELS: ValueLabels<(typeof LIKELIHOODS)[number]> = {
  ON_TRACK: { zh: '能够完成', en: 'on track' },
  AT_RISK: { zh: '有完成风险', en: 'at risk' },
  IMPOSSIBLE: { zh: '无法完成', en: 'impossible' },
};

/** A day, `YYYY-MM-DD` (China's time). */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const MonitoringRoundOpened = defineEvent({
  type: 'MonitoringRoundOpened',
  context: 'execution',
  description: '绩效监控已启动 — the bureau opened a monitoring round (e.g. January–July) with its due date',
  schemaVersion: 1,
  schema: z.object({
    roundId: z.string().min(1),
    divisionCode: z.string().regex(/^\d{6}$/),
    fiscalYear: z.number().int().min(2000).max(2100),
    name: z.string().min(1).max(200),
    /** The period runs from January through this month (7 for January–July). */
    throughMonth: z.number().int().min(1).max(12),
    dueDate: day,
    /** The tolerance in force when the round opened (the rule profile's), used for every report of it. */
    executionTolerancePoints: z.number().min(0).max(100),
  }),
});

export const MonitoringRoundDuePassed = defineEvent({
  type: 'MonitoringRoundDuePassed',
  context: 'execution',
  description:
    '绩效监控填报截止日已过 — the round’s due date passed (the deadline scheduler’s); each goal of the round without a report then gets its overdue warning',
  schemaVersion: 1,
  schema: z.object({
    roundId: z.string().min(1),
    divisionCode: z.string().regex(/^\d{6}$/),
    fiscalYear: z.number().int().min(2000).max(2100),
    dueDate: day,
  }),
});

export const MonitoringReportFiled = defineEvent({
  type: 'MonitoringReportFiled',
  context: 'execution',
  description: '绩效监控情况已填报 — a unit reported its goal’s progress and budget execution for a round',
  schemaVersion: 1,
  schema: z.object({
    roundId: z.string().min(1),
    goalId: z.string().min(1),
    unitId: z.string().min(1),
    projectId: z.string().min(1).nullable(),
    fiscalYear: z.number().int().min(2000).max(2100),
    budgetFen: fenSchema,
    executedFen: fenSchema,
    /** Percent with two decimals, as computed when filed; null without a budget. */
    executionRate: z
      .string()
      .regex(/^\d{1,3}\.\d{2}$/)
      .nullable(),
    indicators: z.array(
      z.object({
        indicatorId: z.string().min(1),
        valueSoFar: z.number().finite().nullable(),
        forecast: z.number().finite().nullable(),
        likelihood: z.enum(LIKELIHOODS),
        deviationCause: z.string().min(1).max(2000).nullable(),
      }),
    ),
    /** Filed after the round's due date (its overdue warning stands). */
    late: z.boolean(),
  }),
});

export const MonitoringWarningRaised = defineEvent({
  type: 'MonitoringWarningRaised',
  context: 'execution',
  description:
    '监控预警 — a warning computed from a report (or a report not filed by the due date), with the numbers that raised it',
  schemaVersion: 1,
  schema: z.object({
    warningId: z.string().min(1),
    roundId: z.string().min(1),
    goalId: z.string().min(1),
    unitId: z.string().min(1),
    kind: z.enum(WARNING_KINDS),
    severity: z.enum(WARNING_SEVERITIES),
    indicatorId: z.string().min(1).nullable(),
    figures: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
});

/** 纠偏措施 the bureau decides on a warning (DOMAIN.md "Monitoring"). */
export const CORRECTION_KINDS = ['ADJUST_GOAL', 'STOP_FUNDING', 'RECOVER_FUNDS'] as const;
export const CORRECTION_KIND_LABELS: ValueLabels<(typeof CORRECTION_KINDS)[number]> = {
  ADJUST_GOAL: { zh: '调整绩效目标（经预算调整）', en: 'adjust the goal (through a budget adjustment)' },
  STOP_FUNDING: { zh: '停止拨款', en: 'stop funding' },
  RECOVER_FUNDS: { zh: '收回资金', en: 'recover funds' },
};

export const MonitoringCorrectionDecided = defineEvent({
  type: 'MonitoringCorrectionDecided',
  context: 'execution',
  description:
    '监控纠偏措施已决定 — the bureau decided a correction on a warning: adjust the goal (through a budget adjustment), stop funding, or recover funds',
  schemaVersion: 1,
  schema: z.object({
    correctionId: z.string().min(1),
    /** The warning it answers (on the same report stream). */
    warningId: z.string().min(1),
    roundId: z.string().min(1),
    goalId: z.string().min(1),
    unitId: z.string().min(1),
    projectId: z.string().min(1).nullable(),
    kind: z.enum(CORRECTION_KINDS),
    reason: z.string().min(1).max(2000),
    /** RECOVER_FUNDS: the amount to recover; null for the other kinds. */
    recoverFen: fenSchema.positive().nullable(),
  }),
});

export const FundingStopLifted = defineEvent({
  type: 'FundingStopLifted',
  context: 'execution',
  description: '停止拨款决定已解除 — a stop-funding correction was lifted; the project’s requests may be cleared again',
  schemaVersion: 1,
  schema: z.object({
    /** The STOP_FUNDING correction lifted. */
    correctionId: z.string().min(1),
    goalId: z.string().min(1),
    projectId: z.string().min(1).nullable(),
    reason: z.string().min(1).max(2000),
  }),
});

export const monitoringEvents = [
  MonitoringRoundOpened,
  MonitoringRoundDuePassed,
  MonitoringReportFiled,
  MonitoringWarningRaised,
  MonitoringCorrectionDecided,
  FundingStopLifted,
] as const;
