import { ErrorCode, EventCatalog, executionEvents, given, IllegalStateError, ValidationError } from '@jixiao/events';
import {
  isDay,
  monitoringReportDecider,
  monitoringRoundDecider,
  periodEnd,
  reportStreamId,
  roundStreamId,
  type DecideMonitoringCorrection,
  type FileMonitoringReport,
  type LiftFundingStop,
  type MarkReportOverdue,
  type OpenMonitoringRound,
} from './monitoring.decider';
import type { MonitoringReportEvent, MonitoringRoundOpened } from './monitoring.events';

const catalog = new EventCatalog(executionEvents);

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
const opened: MonitoringRoundOpened = {
  type: 'MonitoringRoundOpened',
  data: {
    roundId: 'm2023-7',
    divisionCode: '429006',
    fiscalYear: 2023,
    name: '2023年1—7月绩效运行监控',
    throughMonth: 7,
    dueDate: '2023-08-15',
    executionTolerancePoints: 0,
  },
};
const round = (history: MonitoringRoundOpened[]) => given(monitoringRoundDecider, history);

describe('a monitoring round (绩效监控)', () => {
  it('is opened once, in monitoringround-<id>, and fits the catalog', () => {
    expect(roundStreamId('m2023-7')).toBe('monitoringround-m2023-7');
    round([])
      .when(open)
      .then([opened])
      .forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
    const error = round([opened])
      .when(open)
      .thenThrows(IllegalStateError, /已启动/);
    expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
  });

  it('is due after its period ends: January–July ends on 31 July', () => {
    expect(periodEnd(2023, 7)).toBe('2023-07-31');
    expect(periodEnd(2024, 2)).toBe('2024-02-29');
    expect(periodEnd(2023, 12)).toBe('2023-12-31');
    round([])
      .when({ ...open, dueDate: '2023-08-01' })
      .then([{ ...opened, data: { ...opened.data, dueDate: '2023-08-01' } }]);
    const error = round([])
      .when({ ...open, dueDate: '2023-07-31' })
      .thenThrows(ValidationError);
    expect(error.issues.map((i) => i.path)).toEqual(['dueDate']);
    expect(error.issues[0]!.zh).toBe('填报截止日期应晚于监控期间结束日 2023-07-31');
  });

  it.each([
    ['throughMonth', { throughMonth: 0 }],
    ['throughMonth', { throughMonth: 13 }],
    ['throughMonth', { throughMonth: 6.5 }],
    ['fiscalYear', { fiscalYear: 1999 }],
    ['fiscalYear', { fiscalYear: 2101 }],
    ['dueDate', { dueDate: '2023-02-30' }],
    ['dueDate', { dueDate: '15/08/2023' }],
    ['name', { name: '  ' }],
  ])('refuses a wrong %s', (path, change) => {
    const error = round([])
      .when({ ...open, ...change })
      .thenThrows(ValidationError);
    expect(error.issues.map((i) => i.path)).toEqual([path]);
  });

  it('takes the period’s first and last months and the years’ bounds', () => {
    for (const change of [
      { throughMonth: 1 },
      { throughMonth: 12, dueDate: '2024-01-15' },
      { fiscalYear: 2000, dueDate: '2000-08-15' },
      { fiscalYear: 2100, dueDate: '2100-08-15' },
    ]) {
      expect(
        round([])
          .when({ ...open, ...change })
          .then([{ ...opened, data: { ...opened.data, ...change } }]),
      ).toHaveLength(1);
    }
  });

  it('knows a real day of the calendar', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2023-02-29')).toBe(false);
    expect(isDay('2023-13-01')).toBe(false);
    expect(isDay('2023-8-15')).toBe(false);
  });
});

/** A goal of 1,200,000.00 yuan with a count to reach and a cost to stay under. */
const goal = {
  unitId: 'u-edu',
  projectId: 'p1',
  fiscalYear: 2023,
  status: 'ISSUED',
  budgetFen: 120_000_000,
  indicators: [
    { indicatorId: 'i1', name: '改造薄弱学校数量', operator: '>=' as const, targetValue: 12 },
    { indicatorId: 'i2', name: '生均改造成本', operator: '<=' as const, targetValue: 5000 },
  ],
};
const file: FileMonitoringReport = {
  type: 'FileMonitoringReport',
  roundId: 'm2023-7',
  goalId: 'g1',
  unitId: 'u-edu',
  executedFen: 70_000_000,
  indicators: [
    { indicatorId: 'i1', valueSoFar: 7, forecast: 12, likelihood: 'ON_TRACK', deviationCause: null },
    { indicatorId: 'i2', valueSoFar: 4100, forecast: 4900, likelihood: 'ON_TRACK', deviationCause: '' },
  ],
  today: '2023-08-10',
  round: { fiscalYear: 2023, throughMonth: 7, dueDate: '2023-08-15', executionTolerancePoints: 0 },
  goal,
  warningIds: ['w1', 'w2', 'w3', 'w4'],
};
const filed: MonitoringReportEvent = {
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
    indicators: [
      { indicatorId: 'i1', valueSoFar: 7, forecast: 12, likelihood: 'ON_TRACK', deviationCause: null },
      { indicatorId: 'i2', valueSoFar: 4100, forecast: 4900, likelihood: 'ON_TRACK', deviationCause: null },
    ],
    late: false,
  },
};
const overdue: MarkReportOverdue = {
  type: 'MarkReportOverdue',
  roundId: 'm2023-7',
  goalId: 'g1',
  unitId: 'u-edu',
  dueDate: '2023-08-15',
  warningId: 'w-overdue',
};
const overdueRaised: MonitoringReportEvent = {
  type: 'MonitoringWarningRaised',
  data: {
    warningId: 'w-overdue',
    roundId: 'm2023-7',
    goalId: 'g1',
    unitId: 'u-edu',
    kind: 'REPORT_OVERDUE',
    severity: 'WARNING',
    indicatorId: null,
    figures: { dueDate: '2023-08-15' },
  },
};
const report = (history: MonitoringReportEvent[]) => given(monitoringReportDecider, history);

describe('a goal’s monitoring report (绩效监控情况)', () => {
  it('lives in monitoring-<round>-<goal>; on pace and on target it raises no warning', () => {
    expect(reportStreamId('m2023-7', 'g1')).toBe('monitoring-m2023-7-g1');
    report([])
      .when(file)
      .then([filed])
      .forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
  });

  it('raises its warnings as events with the numbers, one id each: 600,000.00 yuan is behind 7/12, 10 schools miss 12', () => {
    const behind = {
      ...file,
      executedFen: 60_000_000,
      indicators: [
        { ...file.indicators[0]!, forecast: 10, likelihood: 'AT_RISK' as const, deviationCause: '征地延迟' },
        file.indicators[1]!,
      ],
    };
    const events = report([])
      .when(behind)
      .then([
        {
          ...filed,
          data: {
            ...filed.data,
            executedFen: 60_000_000,
            executionRate: '50.00',
            indicators: [
              { ...filed.data.indicators[0]!, forecast: 10, likelihood: 'AT_RISK', deviationCause: '征地延迟' },
              filed.data.indicators[1]!,
            ],
          },
        } as MonitoringReportEvent,
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
        },
        {
          type: 'MonitoringWarningRaised',
          data: {
            warningId: 'w2',
            roundId: 'm2023-7',
            goalId: 'g1',
            unitId: 'u-edu',
            kind: 'FORECAST_MISSES_TARGET',
            severity: 'WARNING',
            indicatorId: 'i1',
            figures: { indicator: '改造薄弱学校数量', operator: '>=', targetValue: 12, forecast: 10 },
          },
        },
      ]);
    events.forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
  });

  it('uses the round’s tolerance: 5 points lets 640,000.00 yuan pass', () => {
    const tolerant = { ...file, executedFen: 64_000_000, round: { ...file.round, executionTolerancePoints: 5 } };
    expect(
      report([])
        .when(tolerant)
        .then([
          {
            ...filed,
            data: { ...filed.data, executedFen: 64_000_000, executionRate: '53.33' },
          } as MonitoringReportEvent,
        ]),
    ).toHaveLength(1);
  });

  it('is late after the due date, not on it', () => {
    expect(
      report([])
        .when({ ...file, today: '2023-08-15' })
        .then([filed]),
    ).toHaveLength(1);
    report([])
      .when({ ...file, today: '2023-08-16' })
      .then([{ ...filed, data: { ...filed.data, late: true } } as MonitoringReportEvent]);
  });

  it('is filed once per round', () => {
    const error = report([filed])
      .when(file)
      .thenThrows(IllegalStateError, /已填报/);
    expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
  });

  it('is refused for a goal of another unit, or none, at goalId', () => {
    for (const g of [{ ...goal, unitId: 'u-health' }, null]) {
      const error = report([])
        .when({ ...file, goal: g })
        .thenThrows(ValidationError);
      expect({ code: error.code, paths: error.issues.map((i) => i.path) }).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['goalId'],
      });
    }
  });

  it('is refused for a goal that is not ISSUED, or of another year', () => {
    const approved = report([])
      .when({ ...file, goal: { ...goal, status: 'APPROVED' } })
      .thenThrows(ValidationError);
    expect(approved.issues.map((i) => i.path)).toEqual(['goalId']);
    const lastYear = report([])
      .when({ ...file, goal: { ...goal, fiscalYear: 2022 } })
      .thenThrows(ValidationError);
    expect(lastYear.issues.map((i) => i.zh)).toEqual(['该绩效目标属于 2022 年度，不在本轮监控（2023 年度）之内']);
  });

  it('is refused with a forecast for an indicator the goal does not have', () => {
    const error = report([])
      .when({ ...file, indicators: [...file.indicators, { ...file.indicators[0]!, indicatorId: 'i9' }] })
      .thenThrows(ValidationError);
    expect(error.issues.map((i) => i.path)).toEqual(['indicators[2].indicatorId']);
  });

  it('needs an id for each warning it raises', () => {
    const behind = { ...file, executedFen: 0, warningIds: [] };
    expect(() => monitoringReportDecider.decide(behind, monitoringReportDecider.initialState())).toThrow(/warning id/);
  });
});

describe('a report not filed by the due date', () => {
  it('raises its overdue warning once', () => {
    report([])
      .when(overdue)
      .then([overdueRaised])
      .forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
    report([overdueRaised]).when(overdue).then([]);
  });

  it('raises none once the report is filed, and a late report is still taken after it', () => {
    report([filed]).when(overdue).then([]);
    report([overdueRaised])
      .when({ ...file, today: '2023-08-20' })
      .then([{ ...filed, data: { ...filed.data, late: true } } as MonitoringReportEvent]);
  });

  it('is not counted by a computed warning on the stream', () => {
    const computed = {
      ...overdueRaised,
      data: { ...overdueRaised.data, kind: 'EXECUTION_BEHIND', warningId: 'w1' },
    } as MonitoringReportEvent;
    report([computed]).when(overdue).then([overdueRaised]);
  });
});

/** A filed report of 700,000.00 yuan executed with a forecast of 10 schools: its FORECAST warning w2. */
const forecastWarning: MonitoringReportEvent = {
  type: 'MonitoringWarningRaised',
  data: {
    warningId: 'w2',
    roundId: 'm2023-7',
    goalId: 'g1',
    unitId: 'u-edu',
    kind: 'FORECAST_MISSES_TARGET',
    severity: 'WARNING',
    indicatorId: 'i1',
    figures: { target: 12, forecast: 10 },
  },
};
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
const decided = (change: Partial<DecideMonitoringCorrection> = {}): MonitoringReportEvent => {
  const c = { ...decide, ...change };
  return {
    type: 'MonitoringCorrectionDecided',
    data: {
      correctionId: c.correctionId,
      warningId: c.warningId,
      roundId: 'm2023-7',
      goalId: 'g1',
      unitId: 'u-edu',
      projectId: 'p1',
      kind: c.kind,
      reason: c.reason,
      recoverFen: c.recoverFen,
    },
  };
};
const liftCommand: LiftFundingStop = {
  type: 'LiftFundingStop',
  roundId: 'm2023-7',
  goalId: 'g1',
  correctionId: 'c1',
  reason: '单位已整改，恢复拨款',
};
const lifted: MonitoringReportEvent = {
  type: 'FundingStopLifted',
  data: { correctionId: 'c1', goalId: 'g1', projectId: 'p1', reason: '单位已整改，恢复拨款' },
};

describe('a correction decided on a warning (纠偏措施)', () => {
  const warned = [filed, forecastWarning];

  it('stops funding on the report’s project, linked to the warning, and fits the catalog', () => {
    report(warned)
      .when(decide)
      .then([decided()])
      .forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
  });

  it('adjusts the goal: records the decision only (the goal changes through planning’s budget adjustment)', () => {
    report(warned)
      .when({ ...decide, kind: 'ADJUST_GOAL', reason: '目标值偏高，随预算调整下调' })
      .then([decided({ kind: 'ADJUST_GOAL', reason: '目标值偏高，随预算调整下调' })]);
  });

  it('recovers funds up to what was executed: 700,000.00 yuan reported executed, 200,000.00 recovered', () => {
    const recover = { ...decide, kind: 'RECOVER_FUNDS' as const, recoverFen: 20_000_000 };
    report(warned)
      .when(recover)
      .then([decided({ kind: 'RECOVER_FUNDS', recoverFen: 20_000_000 })]);
    // exactly all of it
    report(warned)
      .when({ ...recover, recoverFen: 70_000_000 })
      .then([decided({ kind: 'RECOVER_FUNDS', recoverFen: 70_000_000 })]);
    const above = report(warned)
      .when({ ...recover, recoverFen: 70_000_001 })
      .thenThrows(ValidationError);
    expect(above.issues.map((i) => [i.path, i.zh])).toEqual([
      ['recoverFen', '收回金额 700,000.01 元超过已执行（已拨付）金额 700,000.00 元'],
    ]);
  });

  it('on an overdue warning without a report: the project from planning, the limit what was paid', () => {
    const recover = { ...decide, warningId: 'w-overdue', kind: 'RECOVER_FUNDS' as const, recoverFen: 5_000_000 };
    const paid = { ...recover, paidFen: 5_000_000 };
    report([overdueRaised])
      .when(paid)
      .then([decided({ warningId: 'w-overdue', kind: 'RECOVER_FUNDS', recoverFen: 5_000_000, paidFen: 5_000_000 })]);
    // nothing known to be paid: nothing to recover
    const none = report([overdueRaised]).when(recover).thenThrows(ValidationError);
    expect(none.issues.map((i) => i.path)).toEqual(['recoverFen']);
    const noProject = report([overdueRaised])
      .when({ ...decide, warningId: 'w-overdue', goal: { unitId: 'u-edu', projectId: null } })
      .thenThrows(ValidationError);
    expect({ code: noProject.code, paths: noProject.issues.map((i) => i.path) }).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      paths: ['kind'],
    });
  });

  it.each([
    ['reason', { reason: '  ' }],
    ['recoverFen', { kind: 'RECOVER_FUNDS' as const, recoverFen: null }],
    ['recoverFen', { kind: 'RECOVER_FUNDS' as const, recoverFen: 0 }],
    ['recoverFen', { kind: 'RECOVER_FUNDS' as const, recoverFen: -100 }],
    ['recoverFen', { kind: 'RECOVER_FUNDS' as const, recoverFen: 10.5 }],
    ['recoverFen', { kind: 'ADJUST_GOAL' as const, recoverFen: 100 }],
  ])('is refused with a wrong %s, writing nothing', (path, change) => {
    const error = report(warned)
      .when({ ...decide, ...change })
      .thenThrows(ValidationError);
    expect({ code: error.code, paths: error.issues.map((i) => i.path) }).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      paths: [path],
    });
  });

  it('needs the warning on the stream', () => {
    const error = report([filed]).when(decide).thenThrows(ValidationError);
    expect(error.issues.map((i) => [i.path, i.en])).toEqual([
      ['warningId', "Warning w2 is not one of this goal's warnings in this round"],
    ]);
  });

  it('is decided once per kind on a warning; another kind is taken, and a lifted stop may be decided again', () => {
    const error = report([...warned, decided()])
      .when({ ...decide, correctionId: 'c2' })
      .thenThrows(IllegalStateError, /停止拨款/);
    expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
    report([...warned, decided()])
      .when({ ...decide, correctionId: 'c2', kind: 'ADJUST_GOAL' })
      .then([decided({ correctionId: 'c2', kind: 'ADJUST_GOAL' })]);
    // once lifted, funding may be stopped again
    report([...warned, decided(), lifted])
      .when({ ...decide, correctionId: 'c2' })
      .then([decided({ correctionId: 'c2' })]);
  });
});

describe('lifting a stop-funding correction (解除停止拨款)', () => {
  const stopped = [filed, forecastWarning, decided()];

  it('lifts a stop in force, with its reason, once', () => {
    report(stopped)
      .when(liftCommand)
      .then([lifted])
      .forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
    const again = report([...stopped, lifted])
      .when(liftCommand)
      .thenThrows(IllegalStateError, /已解除/);
    expect(again.code).toBe(ErrorCode.ILLEGAL_STATE);
  });

  it('is refused without a reason, for another kind of correction, or for none', () => {
    const blank = report(stopped)
      .when({ ...liftCommand, reason: '' })
      .thenThrows(ValidationError);
    expect(blank.issues.map((i) => i.path)).toEqual(['reason']);
    const adjust = report([filed, forecastWarning, decided({ kind: 'ADJUST_GOAL' })])
      .when(liftCommand)
      .thenThrows(ValidationError);
    expect(adjust.issues.map((i) => i.path)).toEqual(['correctionId']);
    const none = report([filed, forecastWarning]).when(liftCommand).thenThrows(ValidationError);
    expect(none.issues.map((i) => i.path)).toEqual(['correctionId']);
  });
});
