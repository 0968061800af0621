import { ErrorCode, given, IllegalStateError, ValidationError } from '@jixiao/events';
import {
  chinaDay,
  isDay,
  monitoringReportDecider,
  monitoringRoundDecider,
  type DecideMonitoringCorrection,
  type FileMonitoringReport,
  type OpenMonitoringRound,
} from './monitoring.decider';
import type { MonitoringReportEvent } from './monitoring.events';

const open: OpenMonitoringRound = {
  type: 'OpenMonitoringRound',
  roundId: 'm2023-7',
  divisionCode: '429006',
  fiscalYear: 2023,
  name: '2023年1—7月绩效运行监控',
  throughMonth: 7,
  dueDate: '2023-08-15',
  executionTolerancePoints: 0,
};
const report = (history: MonitoringReportEvent[]) => given(monitoringReportDecider, history);

const goal = {
  unitId: 'u-edu',
  projectId: 'p1',
  fiscalYear: 2023,
  status: 'ISSUED',
  budgetFen: 120_000_000,
  indicators: [{ indicatorId: 'i1', name: '改造薄弱学校数量', operator: '>=' as const, targetValue: 12 }],
};
const file: FileMonitoringReport = {
  type: 'FileMonitoringReport',
  roundId: 'm2023-7',
  goalId: 'g1',
  unitId: 'u-edu',
  executedFen: 70_000_000,
  indicators: [{ indicatorId: 'i1', valueSoFar: 7, forecast: 12, likelihood: 'ON_TRACK', deviationCause: null }],
  today: '2023-08-10',
  round: { fiscalYear: 2023, throughMonth: 7, dueDate: '2023-08-15', executionTolerancePoints: 0 },
  goal,
  warningIds: ['w1'],
};
const filed = (change: Record<string, unknown> = {}): MonitoringReportEvent =>
  ({
    type: 'MonitoringReportFiled',
    data: {
      roundId: 'm2023-7',
      goalId: 'g1',
      unitId: 'u-edu',
      projectId: 'p1',
      fiscalYear: 2023,
      budgetFen: 120_000_000,
      executedFen: 70_000_000,
      executionRate: '58.33',
      indicators: [{ indicatorId: 'i1', valueSoFar: 7, forecast: 12, likelihood: 'ON_TRACK', deviationCause: null }],
      late: false,
      ...change,
    },
  }) as MonitoringReportEvent;
const warning = (warningId: string, kind: string): MonitoringReportEvent =>
  ({
    type: 'MonitoringWarningRaised',
    data: {
      warningId,
      roundId: 'm2023-7',
      goalId: 'g1',
      unitId: 'u-edu',
      kind,
      severity: 'WARNING',
      indicatorId: kind === 'REPORT_OVERDUE' ? null : 'i1',
      figures: {},
    },
  }) as MonitoringReportEvent;
const decide: DecideMonitoringCorrection = {
  type: 'DecideMonitoringCorrection',
  correctionId: 'c1',
  roundId: 'm2023-7',
  goalId: 'g1',
  warningId: 'w2',
  kind: 'STOP_FUNDING',
  reason: '项目进度严重滞后，暂停拨款',
  recoverFen: null,
  goal: { unitId: 'u-edu', projectId: 'p1' },
  paidFen: null,
};
const decided = (change: Record<string, unknown> = {}): MonitoringReportEvent =>
  ({
    type: 'MonitoringCorrectionDecided',
    data: {
      correctionId: 'c1',
      warningId: 'w2',
      roundId: 'm2023-7',
      goalId: 'g1',
      unitId: 'u-edu',
      projectId: 'p1',
      kind: 'STOP_FUNDING',
      reason: '项目进度严重滞后，暂停拨款',
      recoverFen: null,
      ...change,
    },
  }) as MonitoringReportEvent;
const warned = [filed(), warning('w2', 'FORECAST_MISSES_TARGET')];

describe('a report’s day in China’s time (UTC+8)', () => {
  it('is the next day from 16:00 UTC, the same day before', () => {
    expect(chinaDay(new Date('2023-08-15T16:30:00Z'))).toBe('2023-08-16');
    expect(chinaDay(new Date('2023-08-15T15:59:59Z'))).toBe('2023-08-15');
  });
});

describe('a day of the calendar, exactly YYYY-MM-DD', () => {
  it('refuses text around a day', () => {
    expect(isDay('2023-08-15-01')).toBe(false);
    expect(isDay('12023-08-15')).toBe(false);
  });

  it('refuses a day past its month’s end', () => {
    expect(isDay('2023-02-29')).toBe(false);
    expect(isDay('2023-04-31')).toBe(false);
    expect(isDay('2023-04-30')).toBe(true);
  });
});

describe('opening a monitoring round: refusals', () => {
  it('starts not opened and not due', () => {
    expect(monitoringRoundDecider.initialState()).toEqual({ round: null, duePassed: false });
  });

  it('refuses a year out of the calendar at fiscalYear only', () => {
    const error = given(monitoringRoundDecider, [])
      .when({ ...open, fiscalYear: 1e9 })
      .thenThrows(ValidationError);
    expect({ code: error.code, paths: error.issues.map((i) => i.path) }).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      paths: ['fiscalYear'],
    });
  });

  it('names the period’s end in both languages when due too early', () => {
    const error = given(monitoringRoundDecider, [])
      .when({ ...open, dueDate: '2023-07-31' })
      .thenThrows(ValidationError);
    expect(error.issues.map((i) => [i.path, i.zh, i.en])).toEqual([
      [
        'dueDate',
        '填报截止日期应晚于监控期间结束日 2023-07-31',
        'The due date must come after the period ends (2023-07-31)',
      ],
    ]);
  });
});

describe('filing a report: figures', () => {
  it('takes exactly as many warning ids as warnings', () => {
    const behind = { ...file, executedFen: 60_000_000, warningIds: ['w1'] };
    const events = report([])
      .when(behind)
      .then([
        filed({ executedFen: 60_000_000, executionRate: '50.00' }),
        {
          type: 'MonitoringWarningRaised',
          data: {
            warningId: 'w1',
            roundId: 'm2023-7',
            goalId: 'g1',
            unitId: 'u-edu',
            kind: 'EXECUTION_BEHIND',
            severity: 'WARNING',
            indicatorId: null,
            figures: {
              budgetFen: 120_000_000,
              executedFen: 60_000_000,
              executionRate: '50.00',
              elapsedShare: '7/12',
              elapsedRate: '58.33',
              tolerancePoints: 0,
            },
          },
        } as MonitoringReportEvent,
      ]);
    expect(events).toHaveLength(2);
  });

  it('has no execution rate for a goal without budget', () => {
    const none = { ...file, executedFen: 0, goal: { ...goal, budgetFen: 0 } };
    const events = report([])
      .when(none)
      .then([filed({ budgetFen: 0, executedFen: 0, executionRate: null })]);
    expect(events).toHaveLength(1);
  });
});

describe('deciding a correction: guards and figures', () => {
  it('takes a stop on a warning when another warning already has one', () => {
    const history = [...warned, warning('w3', 'EXECUTION_BEHIND'), decided({ warningId: 'w3' })];
    report(history)
      .when({ ...decide, correctionId: 'c2' })
      .then([decided({ correctionId: 'c2' })]);
  });

  it('adjusts the goal of an overdue warning with no goal known: no project', () => {
    report([warning('w-overdue', 'REPORT_OVERDUE')])
      .when({ ...decide, warningId: 'w-overdue', kind: 'ADJUST_GOAL', goal: null })
      .then([decided({ warningId: 'w-overdue', kind: 'ADJUST_GOAL', projectId: null })]);
  });

  it('does not check a stop or adjustment against what was executed, and records no amount', () => {
    for (const kind of ['STOP_FUNDING', 'ADJUST_GOAL'] as const) {
      report(warned)
        .when({ ...decide, kind })
        .then([decided({ kind })]);
    }
  });

  it('names the amount to recover above what was executed', () => {
    const error = report(warned)
      .when({ ...decide, kind: 'RECOVER_FUNDS', recoverFen: 70_000_001 })
      .thenThrows(ValidationError);
    expect(error.issues.map((i) => [i.path, i.en])).toEqual([
      ['recoverFen', 'The amount to recover, 700,000.01 yuan, is above the 700,000.00 yuan executed (paid)'],
    ]);
  });

  it('refuses an amount to recover that is not whole fen only once, not as above what was executed', () => {
    for (const recoverFen of [1e20, Number.MAX_SAFE_INTEGER + 2]) {
      const error = report(warned)
        .when({ ...decide, kind: 'RECOVER_FUNDS', recoverFen })
        .thenThrows(ValidationError);
      expect({ code: error.code, paths: error.issues.map((i) => i.path) }).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['recoverFen'],
      });
    }
  });

  it('refuses an amount above what was executed on another kind once, as not going with that kind', () => {
    for (const kind of ['STOP_FUNDING', 'ADJUST_GOAL'] as const) {
      const error = report(warned)
        .when({ ...decide, kind, recoverFen: 80_000_000 })
        .thenThrows(ValidationError);
      expect({ code: error.code, issues: error.issues.map((i) => [i.path, i.en.slice(0, 42)]) }).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        issues: [['recoverFen', 'An amount to recover goes only with recove']],
      });
    }
  });

  it('keeps its state through an event type it does not know', () => {
    const state = [...warned, decided()].reduce(monitoringReportDecider.evolve, monitoringReportDecider.initialState());
    const unknown = { type: 'SomethingNewer', data: {} } as unknown as MonitoringReportEvent;
    expect(monitoringReportDecider.evolve(state, unknown)).toBe(state);
  });

  it('refuses to stop funding only when there is no project', () => {
    report([warning('w-overdue', 'REPORT_OVERDUE')])
      .when({ ...decide, warningId: 'w-overdue', kind: 'ADJUST_GOAL', goal: { unitId: 'u-edu', projectId: null } })
      .then([decided({ warningId: 'w-overdue', kind: 'ADJUST_GOAL', projectId: null })]);
  });

  it('keeps the reason without surrounding blanks, also when lifting', () => {
    report(warned)
      .when({ ...decide, reason: '  进度滞后  ' })
      .then([decided({ reason: '进度滞后' })]);
    report([...warned, decided()])
      .when({ type: 'LiftFundingStop', roundId: 'm2023-7', goalId: 'g1', correctionId: 'c1', reason: ' 已整改 ' })
      .then([
        { type: 'FundingStopLifted', data: { correctionId: 'c1', goalId: 'g1', projectId: 'p1', reason: '已整改' } },
      ]);
  });

  it('ignores a lift of a correction it does not hold; a stop decided after it stands', () => {
    const stray: MonitoringReportEvent = {
      type: 'FundingStopLifted',
      data: { correctionId: 'c9', goalId: 'g1', projectId: 'p1', reason: '已整改' },
    };
    const error = report([...warned, stray, decided()])
      .when({ ...decide, correctionId: 'c2' })
      .thenThrows(IllegalStateError, /停止拨款/);
    expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
    report([...warned, stray])
      .when(decide)
      .then([decided()]);
  });
});
