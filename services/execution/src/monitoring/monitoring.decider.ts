import { IllegalStateError, invalid, isBlank, issueIf, type Decider, type FieldIssue } from '@jixiao/events';
import type { MonitoringReportEvent, MonitoringRoundOpened } from './monitoring.events';
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

/** The round (stream `monitoringround-<roundId>`): opened once. */
export const monitoringRoundDecider: Decider<OpenMonitoringRound, MonitoringRoundOpened, { opened: boolean }> = {
  initialState: () => ({ opened: false }),
  evolve: () => ({ opened: true }),
  decide(c, state) {
    if (state.opened) {
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

export type MonitoringReportCommand = FileMonitoringReport | MarkReportOverdue;

export interface MonitoringReportState {
  filed: boolean;
  overdue: boolean;
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

/** One goal's report in one round (stream `monitoring-<roundId>-<goalId>`): filed once; overdue once if not. */
export const monitoringReportDecider: Decider<MonitoringReportCommand, MonitoringReportEvent, MonitoringReportState> = {
  initialState: () => ({ filed: false, overdue: false }),
  evolve(state, event) {
    if (event.type === 'MonitoringReportFiled') return { ...state, filed: true };
    return event.data.kind === 'REPORT_OVERDUE' ? { ...state, overdue: true } : state;
  },
  decide(command, state) {
    return command.type === 'FileMonitoringReport' ? file(command, state) : overdue(command, state);
  },
};
