import {
  displayYuan,
  IllegalStateError,
  invalid,
  isBlank,
  issueIf,
  type CORRECTION_KINDS,
  type Decider,
  type FieldIssue,
} from '@jixiao/events';
import type { MonitoringReportEvent, MonitoringRoundEvent } from './monitoring.events';
import {
  hundredthsOfPercent,
  percentText,
  reportIssues,
  warningsOf,
  type IndicatorProgress,
  type IndicatorTarget,
} from './monitoring.rules';

/** 启动绩效监控: a round over January through `throughMonth`, reports due by `dueDate`. */
export interface OpenMonitoringRound {
  type: 'OpenMonitoringRound';
  roundId: string;
  divisionCode: string;
  fiscalYear: number;
  name: string;
  throughMonth: number;
  dueDate: string;
  /** The rule profile's tolerance in force for the division and year. */
  executionTolerancePoints: number;
}

/** `monitoringround-<roundId>`. */
export const roundStreamId = (roundId: string): string => `monitoringround-${roundId}`;

/** The last day of a month, `YYYY-MM-DD`. */
export function periodEnd(fiscalYear: number, throughMonth: number): string {
  const last = new Date(Date.UTC(fiscalYear, throughMonth, 0));
  return last.toISOString().slice(0, 10);
}

/** The day of an instant in China's time (UTC+8, no daylight saving), `YYYY-MM-DD`: a report's "today". */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** Whether `text` is a real day of the calendar, `YYYY-MM-DD`. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [year, month, date] = text.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(year, month - 1, date));
  return day.getUTCFullYear() === year && day.getUTCMonth() === month - 1 && day.getUTCDate() === date;
}

function roundIssues(c: OpenMonitoringRound): FieldIssue[] {
  const period = Number.isInteger(c.throughMonth) && c.throughMonth >= 1 && c.throughMonth <= 12;
  const year = Number.isInteger(c.fiscalYear) && c.fiscalYear >= 2000 && c.fiscalYear <= 2100;
  const validDay = isDay(c.dueDate);
  return [
    ...issueIf(isBlank(c.name), 'name', '请填写监控名称', 'Give the round a name'),
    ...issueIf(
      !year,
      'fiscalYear',
      `预算年度 ${c.fiscalYear} 无效`,
      `Fiscal year ${c.fiscalYear} must be from 2000 to 2100`,
    ),
    ...issueIf(
      !period,
      'throughMonth',
      `监控期间截至月份 ${c.throughMonth} 无效，应为 1–12`,
      `The period's last month ${c.throughMonth} must be from 1 to 12`,
    ),
    ...issueIf(!validDay, 'dueDate', `填报截止日期「${c.dueDate}」无效`, `The due date "${c.dueDate}" is not a day`),
    ...issueIf(
      period && year && validDay && c.dueDate <= periodEnd(c.fiscalYear, c.throughMonth),
      'dueDate',
      `填报截止日期应晚于监控期间结束日 ${period && year ? periodEnd(c.fiscalYear, c.throughMonth) : ''}`,
      `The due date must come after the period ends (${period && year ? periodEnd(c.fiscalYear, c.throughMonth) : ''})`,
    ),
  ];
}

/** 填报截止日已过 — the scheduler, once the round's due date has passed. */
export interface MarkRoundDuePassed {
  type: 'MarkRoundDuePassed';
  roundId: string;
}

export type MonitoringRoundCommand = OpenMonitoringRound | MarkRoundDuePassed;

export interface MonitoringRoundState {
  round: { divisionCode: string; fiscalYear: number; dueDate: string } | null;
  duePassed: boolean;
}

/** Once only, also when the scheduler runs again: the round's due date passed. */
function duePassed(c: MarkRoundDuePassed, state: MonitoringRoundState): MonitoringRoundEvent[] {
  if (!state.round) {
    throw new IllegalStateError({ zh: `监控 ${c.roundId} 尚未启动`, en: `Round ${c.roundId} was not opened` });
  }
  if (state.duePassed) return [];
  const { divisionCode, fiscalYear, dueDate } = state.round;
  return [{ type: 'MonitoringRoundDuePassed', data: { roundId: c.roundId, divisionCode, fiscalYear, dueDate } }];
}

/** The round (stream `monitoringround-<roundId>`): opened once; its due date passed once. */
export const monitoringRoundDecider: Decider<MonitoringRoundCommand, MonitoringRoundEvent, MonitoringRoundState> = {
  initialState: () => ({ round: null, duePassed: false }),
  evolve: (state, event) =>
    event.type === 'MonitoringRoundOpened' ? { ...state, round: event.data } : { ...state, duePassed: true },
  decide(c, state) {
    if (c.type === 'MarkRoundDuePassed') return duePassed(c, state);
    if (state.round) {
      throw new IllegalStateError({ zh: `监控 ${c.roundId} 已启动`, en: `Round ${c.roundId} was already opened` });
    }
    const issues = roundIssues(c);
    if (issues.length > 0) throw invalid(issues);
    const { type: _t, ...data } = c;
    return [{ type: 'MonitoringRoundOpened', data }];
  },
};

/** The round a report is filed in, as its read model holds it. */
export interface RoundFacts {
  fiscalYear: number;
  throughMonth: number;
  dueDate: string;
  executionTolerancePoints: number;
}

/** The goal a report is for, as planning's read model holds it (null if none the unit may see). */
export interface GoalFacts {
  unitId: string;
  projectId: string | null;
  fiscalYear: number;
  status: string;
  budgetFen: number;
  indicators: IndicatorTarget[];
}

/** 填报监控情况: the unit's figures for one goal in one round; warnings get the ids given. */
export interface FileMonitoringReport {
  type: 'FileMonitoringReport';
  roundId: string;
  goalId: string;
  unitId: string;
  executedFen: number;
  indicators: IndicatorProgress[];
  /** Today in China's time, `YYYY-MM-DD`: after the due date the report is late. */
  today: string;
  round: RoundFacts;
  goal: GoalFacts | null;
  /** Ids for the warnings this report may raise, in order (the command handler makes them). */
  warningIds: string[];
}

/** 标记逾期未填报: the scheduler, once the round's due date has passed. */
export interface MarkReportOverdue {
  type: 'MarkReportOverdue';
  roundId: string;
  goalId: string;
  unitId: string;
  dueDate: string;
  warningId: string;
}

/** 纠偏措施: adjust the goal, stop funding, recover funds. */
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/**
 * 决定纠偏措施 — the performance section's correction on one warning of the stream. ADJUST_GOAL
 * records the decision only: the goal itself changes through planning's budget-adjustment path
 * (adjustGoal, GoalAdjusted), and the read models show the correction carried out once it has.
 */
export interface DecideMonitoringCorrection {
  type: 'DecideMonitoringCorrection';
  /** Made by the command handler. */
  correctionId: string;
  roundId: string;
  goalId: string;
  warningId: string;
  kind: CorrectionKind;
  reason: string;
  /** RECOVER_FUNDS: whole fen to recover; null for the other kinds. */
  recoverFen: number | null;
  /**
   * The goal as planning's read model holds it (its unit and project), for a warning without a
   * report on the stream (an overdue one); null if there is none.
   */
  goal: { unitId: string; projectId: string | null } | null;
  /** What has been paid out on the goal's project so far (disbursement's figure); null when not known. */
  paidFen: number | null;
}

/** 解除停止拨款 — lifts a stop-funding correction of the stream that is still in force. */
export interface LiftFundingStop {
  type: 'LiftFundingStop';
  roundId: string;
  goalId: string;
  correctionId: string;
  reason: string;
}

export type MonitoringReportCommand =
  FileMonitoringReport | MarkReportOverdue | DecideMonitoringCorrection | LiftFundingStop;

export interface MonitoringReportState {
  filed: boolean;
  overdue: boolean;
  /** The report's unit, project and executed amount once filed. */
  report: { unitId: string; projectId: string | null; executedFen: number } | null;
  /** The stream's warnings by id: their unit and kind. */
  warnings: Readonly<Record<string, { unitId: string; kind: string }>>;
  /** The stream's corrections by id. */
  corrections: Readonly<
    Record<string, { warningId: string; kind: CorrectionKind; projectId: string | null; lifted: boolean }>
  >;
}

/** `monitoring-<roundId>-<goalId>`. */
export const reportStreamId = (roundId: string, goalId: string): string => `monitoring-${roundId}-${goalId}`;

function file(c: FileMonitoringReport, state: MonitoringReportState): MonitoringReportEvent[] {
  if (state.filed) {
    throw new IllegalStateError({
      zh: '本轮监控已填报该绩效目标',
      en: 'The goal was already reported in this round',
    });
  }
  const goal = c.goal;
  if (goal === null || goal.unitId !== c.unitId) {
    throw invalid([
      {
        path: 'goalId',
        zh: '所选绩效目标不存在或不属于本单位',
        en: 'The goal does not exist or is not one of your unit’s',
      },
    ]);
  }
  const figures = {
    throughMonth: c.round.throughMonth,
    budgetFen: goal.budgetFen,
    executedFen: c.executedFen,
    indicators: c.indicators,
  };
  const issues = [
    ...issueIf(
      goal.fiscalYear !== c.round.fiscalYear,
      'goalId',
      `该绩效目标属于 ${goal.fiscalYear} 年度，不在本轮监控（${c.round.fiscalYear} 年度）之内`,
      `The goal is of ${goal.fiscalYear}, not of this round's year ${c.round.fiscalYear}`,
    ),
    ...reportIssues(figures, goal),
  ];
  if (issues.length > 0) throw invalid(issues);
  const warnings = warningsOf(figures, goal.indicators, { executionTolerancePoints: c.round.executionTolerancePoints });
  if (c.warningIds.length < warnings.length) throw new Error('a warning id is missing for each warning');
  const rate = hundredthsOfPercent(c.executedFen, goal.budgetFen);
  const { roundId, goalId, unitId } = c;
  return [
    {
      type: 'MonitoringReportFiled',
      data: {
        roundId,
        goalId,
        unitId,
        projectId: goal.projectId,
        fiscalYear: goal.fiscalYear,
        budgetFen: goal.budgetFen,
        executedFen: c.executedFen,
        executionRate: rate === null ? null : percentText(rate),
        indicators: c.indicators.map((line) => ({
          ...line,
          deviationCause: isBlank(line.deviationCause) ? null : line.deviationCause,
        })),
        late: c.today > c.round.dueDate,
      },
    },
    ...warnings.map((w, i) => ({
      type: 'MonitoringWarningRaised' as const,
      data: { warningId: c.warningIds[i]!, roundId, goalId, unitId, ...w },
    })),
  ];
}

function overdue(c: MarkReportOverdue, state: MonitoringReportState): MonitoringReportEvent[] {
  // filed in time, or already marked: nothing (exactly once, also when the scheduler runs again)
  if (state.filed || state.overdue) return [];
  const { warningId, roundId, goalId, unitId, dueDate } = c;
  return [
    {
      type: 'MonitoringWarningRaised',
      data: {
        warningId,
        roundId,
        goalId,
        unitId,
        kind: 'REPORT_OVERDUE',
        severity: 'WARNING',
        indicatorId: null,
        figures: { dueDate },
      },
    },
  ];
}

const KIND_LABELS: Record<CorrectionKind, { zh: string; en: string }> = {
  ADJUST_GOAL: { zh: '调整绩效目标', en: 'adjust the goal' },
  STOP_FUNDING: { zh: '停止拨款', en: 'stop funding' },
  RECOVER_FUNDS: { zh: '收回资金', en: 'recover funds' },
};

function correct(c: DecideMonitoringCorrection, state: MonitoringReportState): MonitoringReportEvent[] {
  const warning = state.warnings[c.warningId];
  if (!warning) {
    throw invalid([
      {
        path: 'warningId',
        zh: `预警 ${c.warningId} 不是该绩效目标本轮监控的预警`,
        en: `Warning ${c.warningId} is not one of this goal's warnings in this round`,
      },
    ]);
  }
  const label = KIND_LABELS[c.kind];
  const standing = Object.values(state.corrections).find(
    (k) => k.warningId === c.warningId && k.kind === c.kind && !k.lifted,
  );
  if (standing) {
    throw new IllegalStateError({
      zh: `该预警已决定「${label.zh}」`,
      en: `The warning already has a correction to ${label.en}`,
    });
  }
  const projectId = state.report?.projectId ?? c.goal?.projectId ?? null;
  const executed = state.report?.executedFen ?? 0;
  const limit = Math.max(executed, c.paidFen ?? 0);
  const recover = c.recoverFen;
  const yuan = (fen: number) => (Number.isSafeInteger(fen) ? displayYuan(fen) : String(fen));
  const issues = [
    ...issueIf(isBlank(c.reason), 'reason', '请说明纠偏措施的原因', 'Give the reason for the correction'),
    ...issueIf(
      c.kind === 'RECOVER_FUNDS' && (recover === null || !Number.isSafeInteger(recover) || recover <= 0),
      'recoverFen',
      '收回资金须填写大于零的金额（分）',
      'Recovering funds needs a positive amount in whole fen',
    ),
    ...issueIf(
      c.kind === 'RECOVER_FUNDS' && recover !== null && Number.isSafeInteger(recover) && recover > limit,
      'recoverFen',
      `收回金额 ${yuan(recover ?? 0)} 元超过已执行（已拨付）金额 ${yuan(limit)} 元`,
      `The amount to recover, ${yuan(recover ?? 0)} yuan, is above the ${yuan(limit)} yuan executed (paid)`,
    ),
    ...issueIf(
      c.kind !== 'RECOVER_FUNDS' && recover !== null,
      'recoverFen',
      `「${label.zh}」不填收回金额`,
      `An amount to recover goes only with recovering funds, not to ${label.en}`,
    ),
    ...issueIf(
      c.kind === 'STOP_FUNDING' && projectId === null,
      'kind',
      '该绩效目标没有对应项目，无法停止拨款',
      'The goal has no project whose funding could be stopped',
    ),
  ];
  if (issues.length > 0) throw invalid(issues);
  return [
    {
      type: 'MonitoringCorrectionDecided',
      data: {
        correctionId: c.correctionId,
        warningId: c.warningId,
        roundId: c.roundId,
        goalId: c.goalId,
        unitId: warning.unitId,
        projectId,
        kind: c.kind,
        reason: c.reason.trim(),
        recoverFen: c.kind === 'RECOVER_FUNDS' ? recover : null,
      },
    },
  ];
}

function lift(c: LiftFundingStop, state: MonitoringReportState): MonitoringReportEvent[] {
  const correction = state.corrections[c.correctionId];
  if (!correction || correction.kind !== 'STOP_FUNDING') {
    throw invalid([
      {
        path: 'correctionId',
        zh: `${c.correctionId} 不是该绩效目标本轮监控的停止拨款决定`,
        en: `${c.correctionId} is not a stop-funding correction of this goal in this round`,
      },
    ]);
  }
  if (correction.lifted) {
    throw new IllegalStateError({ zh: '该停止拨款决定已解除', en: 'The stop-funding correction was already lifted' });
  }
  const issues = issueIf(isBlank(c.reason), 'reason', '请说明解除停止拨款的原因', 'Give the reason for lifting it');
  if (issues.length > 0) throw invalid(issues);
  return [
    {
      type: 'FundingStopLifted',
      data: {
        correctionId: c.correctionId,
        goalId: c.goalId,
        projectId: correction.projectId,
        reason: c.reason.trim(),
      },
    },
  ];
}

function evolveReport(state: MonitoringReportState, event: MonitoringReportEvent): MonitoringReportState {
  switch (event.type) {
    case 'MonitoringReportFiled': {
      const { unitId, projectId, executedFen } = event.data;
      return { ...state, filed: true, report: { unitId, projectId, executedFen } };
    }
    case 'MonitoringWarningRaised': {
      const { warningId, unitId, kind } = event.data;
      const warnings = { ...state.warnings, [warningId]: { unitId, kind } };
      return { ...state, warnings, overdue: state.overdue || kind === 'REPORT_OVERDUE' };
    }
    case 'MonitoringCorrectionDecided': {
      const { correctionId, warningId, kind, projectId } = event.data;
      const corrections = { ...state.corrections, [correctionId]: { warningId, kind, projectId, lifted: false } };
      return { ...state, corrections };
    }
    case 'FundingStopLifted': {
      const before = state.corrections[event.data.correctionId];
      if (!before) return state;
      return {
        ...state,
        corrections: { ...state.corrections, [event.data.correctionId]: { ...before, lifted: true } },
      };
    }
    default:
      return state;
  }
}

/**
 * One goal's report in one round (stream `monitoring-<roundId>-<goalId>`): filed once; overdue once
 * if not; corrections decided on its warnings, a stop-funding one lifted once.
 */
export const monitoringReportDecider: Decider<MonitoringReportCommand, MonitoringReportEvent, MonitoringReportState> = {
  initialState: () => ({ filed: false, overdue: false, report: null, warnings: {}, corrections: {} }),
  evolve: evolveReport,
  decide(command, state) {
    switch (command.type) {
      case 'FileMonitoringReport':
        return file(command, state);
      case 'MarkReportOverdue':
        return overdue(command, state);
      case 'DecideMonitoringCorrection':
        return correct(command, state);
      case 'LiftFundingStop':
        return lift(command, state);
    }
  },
};
