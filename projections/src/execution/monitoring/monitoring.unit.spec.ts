import { recordedEvent } from '../../runner/recorded.testing';
import {
  evolveMonitoringReport,
  evolveMonitoringRound,
  monitoringReportsProjection,
  monitoringRoundsProjection,
  type MonitoringReportDoc,
} from './monitoring.projection';

const stream = 'monitoring-m2023-7-g1';
const opened = recordedEvent('monitoringround-m2023-7', 1, 'MonitoringRoundOpened', {
  roundId: 'm2023-7',
  divisionCode: '429006',
  fiscalYear: 2023,
  name: '2023年1—7月绩效运行监控',
  throughMonth: 7,
  dueDate: '2023-08-15',
  executionTolerancePoints: 0,
});
const filed = recordedEvent(stream, 1, 'MonitoringReportFiled', {
  roundId: 'm2023-7',
  goalId: 'g1',
  unitId: 'u-edu',
  projectId: 'p1',
  fiscalYear: 2023,
  budgetFen: 120_000_000,
  executedFen: 60_000_000,
  executionRate: '50.00',
  indicators: [{ indicatorId: 'i1', valueSoFar: 7, forecast: 10, likelihood: 'AT_RISK', deviationCause: '征地延迟' }],
  late: false,
});
const warning = (version: number, warningId: string, kind: string, figures: Record<string, string | number>) =>
  recordedEvent(stream, version, 'MonitoringWarningRaised', {
    warningId,
    roundId: 'm2023-7',
    goalId: 'g1',
    unitId: 'u-edu',
    kind,
    severity: 'WARNING',
    indicatorId: kind === 'EXECUTION_BEHIND' ? null : 'i1',
    figures,
  });
const behind = warning(2, 'w1', 'EXECUTION_BEHIND', { executionRate: '50.00', expectedRate: '58.33' });
const forecast = warning(3, 'w2', 'FORECAST_MISSES_TARGET', { target: 12, forecast: 10 });
const stop = recordedEvent(stream, 4, 'MonitoringCorrectionDecided', {
  correctionId: 'c1',
  warningId: 'w1',
  roundId: 'm2023-7',
  goalId: 'g1',
  unitId: 'u-edu',
  projectId: 'p1',
  kind: 'STOP_FUNDING',
  reason: '执行严重滞后',
  recoverFen: null,
});
const lift = recordedEvent(stream, 5, 'FundingStopLifted', {
  correctionId: 'c1',
  goalId: 'g1',
  projectId: 'p1',
  reason: '已整改',
});
const fold = (events: ReturnType<typeof recordedEvent>[]) =>
  events.reduce<MonitoringReportDoc | null>(evolveMonitoringReport, null);

describe('the monitoring rounds read model', () => {
  it('holds a round as opened', () => {
    expect(evolveMonitoringRound(null, opened)).toMatchObject({
      streamId: 'monitoringround-m2023-7',
      lastVersion: 1,
      roundId: 'm2023-7',
      fiscalYear: 2023,
      throughMonth: 7,
      dueDate: '2023-08-15',
      executionTolerancePoints: 0,
    });
    expect(monitoringRoundsProjection.handles).toEqual(['MonitoringRoundOpened', 'MonitoringRoundDuePassed']);
  });

  it('knows when the due date has passed', () => {
    const round = evolveMonitoringRound(null, opened)!;
    expect(round.duePassed).toBe(false);
    const passed = recordedEvent('monitoringround-m2023-7', 2, 'MonitoringRoundDuePassed', {
      roundId: 'm2023-7',
      divisionCode: '429006',
      fiscalYear: 2023,
      dueDate: '2023-08-15',
    });
    expect(evolveMonitoringRound(round, passed)).toMatchObject({ lastVersion: 2, duePassed: true });
  });
});

describe('the monitoring reports read model', () => {
  it('holds the report with its figures and its warnings in order, with their numbers', () => {
    const doc = fold([filed, behind, forecast])!;
    expect(doc.lastVersion).toBe(3);
    expect(doc.report).toMatchObject({ goalId: 'g1', executedFen: 60_000_000, executionRate: '50.00', late: false });
    expect(doc.warnings.map((w) => [w.warningId, w.position, w.kind, w.indicatorId, w.figures, w.corrected])).toEqual([
      ['w1', 0, 'EXECUTION_BEHIND', null, { executionRate: '50.00', expectedRate: '58.33' }, false],
      ['w2', 1, 'FORECAST_MISSES_TARGET', 'i1', { target: 12, forecast: 10 }, false],
    ]);
  });

  it('an overdue warning stands without a report', () => {
    const doc = fold([
      recordedEvent(stream, 1, 'MonitoringWarningRaised', { ...(behind.data as object), kind: 'REPORT_OVERDUE' }),
    ])!;
    expect(doc.report).toBeNull();
    expect(doc.warnings.map((w) => w.kind)).toEqual(['REPORT_OVERDUE']);
  });

  it('marks the warning a correction answers, and a lifted stop', () => {
    const stopped = fold([filed, behind, forecast, stop])!;
    expect(stopped.warnings.map((w) => [w.warningId, w.corrected, w.corrections])).toEqual([
      ['w1', true, ['STOP_FUNDING']],
      ['w2', false, []],
    ]);
    expect(stopped.corrections).toMatchObject([
      { correctionId: 'c1', kind: 'STOP_FUNDING', lifted: false, position: 0 },
    ]);
    const lifted = evolveMonitoringReport(stopped, lift)!;
    expect(lifted.corrections[0]).toMatchObject({ lifted: true, liftReason: '已整改', lastVersion: 4 });
    expect(lifted.lastVersion).toBe(5);
    // the warning stays corrected
    expect(lifted.warnings[0]!.corrected).toBe(true);
  });

  it('reads only the report stream’s events', () => {
    const doc = fold([filed]);
    expect(evolveMonitoringReport(doc, opened)).toBe(doc);
    expect([...monitoringReportsProjection.handles]).toEqual([
      'MonitoringReportFiled',
      'MonitoringWarningRaised',
      'MonitoringCorrectionDecided',
      'FundingStopLifted',
    ]);
  });
});
