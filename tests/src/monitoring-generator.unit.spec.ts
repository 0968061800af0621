import { catalog, CONTEXTS } from '@jixiao/contexts';
import type { BatchAppend } from '@jixiao/events';
import { generateCityYear, SCALES, type Scale } from '@jixiao/generator';

interface Monitoring {
  issuedGoals: Set<string>;
  rounds: { data: Record<string, unknown>; events: string[] }[];
  reports: Map<string, { late: boolean; goalId: string }>;
  warnings: Map<string, string>;
  corrections: Map<string, { kind: string; lifted: boolean; recoverFen: number | null }>;
  events: number;
}

/** The generated year's monitoring, from its events; each event checked against the catalog. */
function monitoringOf(scale: Scale): Monitoring {
  const m: Monitoring = {
    issuedGoals: new Set(),
    rounds: [],
    reports: new Map(),
    warnings: new Map(),
    corrections: new Map(),
    events: 0,
  };
  const status = new Map<string, string>();
  const appends: BatchAppend[] = [];
  for (const chunk of generateCityYear({ contexts: CONTEXTS, scale })) appends.push(...chunk);
  for (const a of appends) {
    for (const e of a.events) {
      const d = e.data as {
        goalId: string;
        late: boolean;
        warningId: string;
        kind: string;
        correctionId: string;
        recoverFen: number | null;
      } & Record<string, unknown>;
      if (e.type === 'GoalIssued') status.set(d.goalId, 'ISSUED');
      else if (e.type === 'GoalAdjusted') status.set(d.goalId, 'ADJUSTED');
      if (!/^monitoring(round)?-/.test(a.streamId)) continue;
      m.events++;
      expect(() => catalog.validate(e)).not.toThrow();
      if (e.type === 'MonitoringRoundOpened') m.rounds.push({ data: d, events: [e.type] });
      else if (e.type === 'MonitoringRoundDuePassed') m.rounds.at(-1)!.events.push(e.type);
      else if (e.type === 'MonitoringReportFiled') m.reports.set(d.goalId, { late: d.late, goalId: d.goalId });
      else if (e.type === 'MonitoringWarningRaised') m.warnings.set(d.warningId, d.kind);
      else if (e.type === 'MonitoringCorrectionDecided')
        m.corrections.set(d.correctionId, { kind: d.kind, lifted: false, recoverFen: d.recoverFen });
      else if (e.type === 'FundingStopLifted') m.corrections.get(d.correctionId)!.lifted = true;
    }
  }
  for (const [goalId, s] of status) if (s === 'ISSUED') m.issuedGoals.add(goalId);
  return m;
}

const kinds = (values: Iterable<string>) => new Set(values);

describe('monitoring in the generated year (绩效监控)', () => {
  it('the demo year: a January–July round, reports for most issued goals, every kind of warning and correction', () => {
    const m = monitoringOf(SCALES.demo);
    expect(m.rounds).toEqual([
      {
        data: expect.objectContaining({
          fiscalYear: 2023,
          throughMonth: 7,
          dueDate: '2023-08-10',
          executionTolerancePoints: 0,
        }),
        events: ['MonitoringRoundOpened', 'MonitoringRoundDuePassed'],
      },
    ]);
    // every report is of an issued goal; all but two issued goals reported in time, one late
    for (const goalId of m.reports.keys()) expect(m.issuedGoals).toContain(goalId);
    const reports = [...m.reports.values()];
    expect(reports.filter((r) => !r.late).length).toBe(m.issuedGoals.size - 2);
    expect(reports.filter((r) => r.late).length).toBe(1);
    expect(kinds(m.warnings.values())).toEqual(
      kinds(['EXECUTION_BEHIND', 'FORECAST_MISSES_TARGET', 'COMPLETION_IMPOSSIBLE', 'REPORT_OVERDUE']),
    );
    expect([...m.warnings.values()].filter((k) => k === 'REPORT_OVERDUE')).toHaveLength(2);
    const corrections = [...m.corrections.values()];
    expect(kinds(corrections.map((c) => c.kind))).toEqual(kinds(['ADJUST_GOAL', 'STOP_FUNDING', 'RECOVER_FUNDS']));
    expect(corrections.filter((c) => c.kind === 'STOP_FUNDING').map((c) => c.lifted)).toEqual([true, false]);
    expect(corrections.find((c) => c.kind === 'RECOVER_FUNDS')!.recoverFen).toBeGreaterThan(0);
  });

  it('the Tianmen year: a round over its issued goals, about nine in ten reported in time', () => {
    const m = monitoringOf(SCALES.tianmen);
    expect(m.rounds).toHaveLength(1);
    const overdue = [...m.warnings.values()].filter((k) => k === 'REPORT_OVERDUE').length;
    const inTime = [...m.reports.values()].filter((r) => !r.late).length;
    expect(inTime + overdue).toBe(m.issuedGoals.size);
    expect(inTime / m.issuedGoals.size).toBeGreaterThan(0.88);
    expect(m.corrections.size).toBeGreaterThan(10);
  }, 180_000);
});
