import { catalog, CONTEXTS } from '@jixiao/contexts';
import type { BatchAppend } from '@jixiao/events';
import { evolveSelfEvaluation, type SelfEvaluationRow } from '@jixiao/projections';
import { generateCityYear, SCALES } from '@jixiao/generator';

/** The demo year's self-evaluation streams, each event checked against the catalog, folded as the read model folds them. */
function demoYear() {
  const appends: BatchAppend[] = [];
  for (const chunk of generateCityYear({ contexts: CONTEXTS, scale: SCALES.demo })) appends.push(...chunk);
  const notice: string[] = [];
  const tasks: { evaluationId: string; object: string; unitId: string }[] = [];
  const rows = new Map<string, SelfEvaluationRow | null>();
  const versions = new Map<string, number>();
  let drawn: string[] = [];
  for (const a of appends) {
    if (!/^(evaluationnotice|selfevaluation)-/.test(a.streamId)) continue;
    for (const e of a.events) {
      expect(() => catalog.validate(e)).not.toThrow();
      const version = (versions.get(a.streamId) ?? 0) + 1;
      versions.set(a.streamId, version);
      if (a.streamId.startsWith('evaluationnotice-')) {
        notice.push(e.type);
        const d = e.data as { tasks?: typeof tasks; drawnUnitIds?: string[] };
        if (e.type === 'EvaluationNoticeIssued') tasks.push(...d.tasks!);
        if (e.type === 'SpotCheckDrawn') drawn = d.drawnUnitIds!;
        continue;
      }
      const recorded = {
        ...e,
        eventId: `${a.streamId}@${version}`,
        streamId: a.streamId,
        streamVersion: version,
        globalPosition: 0,
        transactionId: 0,
        schemaVersion: 1,
        metadata: a.metadata,
        recordedAt: '2025-05-01T00:00:00.000Z',
        previousHash: '',
        hash: '',
      };
      rows.set(a.streamId, evolveSelfEvaluation(rows.get(a.streamId) ?? null, recorded as never));
    }
  }
  return { notice, tasks, rows: [...rows.values()].filter((r): r is SelfEvaluationRow => r !== null), drawn };
}

describe('the generated year’s self-evaluations', () => {
  const year = demoYear();

  it('has the notice issued, its due date passed and the spot check drawn, in that order', () => {
    expect(year.notice).toEqual(['EvaluationNoticeIssued', 'EvaluationNoticeDuePassed', 'SpotCheckDrawn']);
    expect(year.tasks.some((t) => t.object === 'DEPT_OVERALL')).toBe(true);
    expect(year.tasks.some((t) => t.object === 'PROJECT')).toBe(true);
    expect(year.drawn.length).toBeGreaterThan(0);
  });

  it('shows every status, both ways of acceptance, a late sheet, a resubmission and a task never submitted', () => {
    const statuses = new Set(year.rows.filter((r) => r.submission > 0).map((r) => r.status));
    expect([...statuses].sort()).toEqual(['ACCEPTED', 'DEPARTMENT_REVIEWED', 'FILLED', 'RETURNED']);
    const submitted = new Set(year.rows.filter((r) => r.submission > 0).map((r) => r.evaluationId));
    expect(year.tasks.filter((t) => !submitted.has(t.evaluationId)).length).toBeGreaterThan(0);
    const bases = new Set(year.rows.map((r) => r.acceptedBasis).filter(Boolean));
    expect([...bases].sort()).toEqual(['NOT_DRAWN', 'SPOT_CHECK']);
    expect(year.rows.some((r) => r.late)).toBe(true);
    expect(year.rows.some((r) => r.submission > 1)).toBe(true);
  });

  it('scores each sheet by formula: lines below full points carry a cause and a measure, full ones none', () => {
    const lines = year.rows.flatMap((r) => r.lines);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.formula.en).toMatch(/=/);
      expect(line.deviationCause === null).toBe(line.full);
      expect(line.improvementMeasure === null).toBe(line.full);
    }
    for (const r of year.rows.filter((x) => x.submission > 0)) {
      const sum =
        (r.budgetExecution?.awarded ?? 0) +
        r.parts.filter((p) => p.part !== 'BUDGET_EXECUTION').reduce((a, p) => a + p.awarded, 0);
      expect(r.total).toBeCloseTo(Math.min(100, sum), 2);
    }
  });
});

/** Each self-evaluation's status after the tianmen year, from its events (the lifecycle of the README), and what the year holds. */
function tianmenYear() {
  const status = new Map<string, string>();
  const bases = new Map<string, number>();
  const tasks: { evaluationId: string; object: string; unitId: string; goalId: string | null }[] = [];
  const units = new Set<string>();
  const noted = new Set<string>();
  const keyEvaluations: { unitId: string }[] = [];
  let latest = '';
  let spotReturns = 0;
  for (const chunk of generateCityYear({ contexts: CONTEXTS, scale: SCALES.tianmen })) {
    for (const a of chunk) {
      if (a.streamId.startsWith('unit-')) units.add(a.streamId);
      if (!/^(evaluationnotice|selfevaluation|keyevaluation)-/.test(a.streamId)) continue;
      const at = a.recordedAt!.toISOString();
      if (at > latest) latest = at;
      for (const e of a.events) {
        const d = e.data as {
          evaluationId: string;
          decision?: string;
          basis?: string;
          unitId: string;
          tasks?: typeof tasks;
        };
        if (e.type === 'EvaluationNoticeIssued') tasks.push(...d.tasks!);
        if (e.type === 'KeyEvaluationPlanned') keyEvaluations.push(d);
        if (e.type === 'SelfEvaluationDrawNoted') noted.add(d.evaluationId);
        if (e.type === 'SelfEvaluationSubmitted') status.set(d.evaluationId, 'FILLED');
        if (e.type === 'SelfEvaluationReviewed')
          status.set(d.evaluationId, d.decision === 'ACCEPT' ? 'DEPARTMENT_REVIEWED' : 'RETURNED');
        if (e.type === 'SpotCheckDecided' && d.decision === 'RETURN') {
          status.set(d.evaluationId, 'RETURNED');
          spotReturns++;
        }
        if (e.type === 'SelfEvaluationAccepted') {
          status.set(d.evaluationId, 'ACCEPTED');
          bases.set(d.basis!, (bases.get(d.basis!) ?? 0) + 1);
        }
      }
    }
  }
  const byStatus = (s: string) => tasks.filter((t) => (status.get(t.evaluationId) ?? 'ISSUED') === s).length;
  return { tasks, units: units.size, noted, keyEvaluations, latest, spotReturns, bases, byStatus };
}

describe('the tianmen year’s evaluations (issue 16: self-evaluations for every unit, 18 key evaluations)', () => {
  let year: ReturnType<typeof tianmenYear>;
  beforeAll(() => {
    year = tianmenYear();
  }, 600_000);

  it('issues one task per unit’s overall expenditure and one per project with a scorable issued goal, each noted in the draw', () => {
    expect(year.units).toBe(SCALES.tianmen.units);
    const overall = year.tasks.filter((t) => t.object === 'DEPT_OVERALL');
    expect(new Set(overall.map((t) => t.unitId)).size).toBe(SCALES.tianmen.units);
    expect(overall).toHaveLength(SCALES.tianmen.units);
    const projects = year.tasks.filter((t) => t.object === 'PROJECT');
    expect(new Set(projects.map((t) => t.goalId)).size).toBe(projects.length);
    // most of the 34,261 goals end issued; those with a target of 0 have no ratio to score by and are left out
    expect(projects.length).toBeGreaterThan(20_000);
    expect(projects.length).toBeLessThan(SCALES.tianmen.goals);
    expect(year.noted.size).toBe(year.tasks.length);
  });

  it('leaves the city’s evaluations in realistic states: most accepted, a few of every other state', () => {
    const n = year.tasks.length;
    const share = (s: string) => year.byStatus(s) / n;
    expect(share('ACCEPTED')).toBeGreaterThan(0.9);
    expect(share('ACCEPTED')).toBeLessThan(0.98);
    // never submitted: about 2.5 % (overdue, a matter for accountability)
    expect(share('ISSUED')).toBeGreaterThan(0.01);
    expect(share('ISSUED')).toBeLessThan(0.05);
    for (const s of ['FILLED', 'DEPARTMENT_REVIEWED', 'RETURNED']) {
      expect(year.byStatus(s)).toBeGreaterThan(20);
      expect(share(s)).toBeLessThan(0.02);
    }
    expect(year.spotReturns).toBeGreaterThan(100);
    expect(year.bases.get('SPOT_CHECK')).toBeGreaterThan(1_000);
    expect(year.bases.get('NOT_DRAWN')).toBeGreaterThan(10_000);
  });

  it('plans 18 key evaluations of 18 units, and every evaluation event falls in the year after the fiscal year', () => {
    expect(year.keyEvaluations).toHaveLength(18);
    expect(new Set(year.keyEvaluations.map((k) => k.unitId)).size).toBe(18);
    // the city's decisions run in parallel across departments, not one after another for decades
    expect(year.latest < `${SCALES.tianmen.fiscalYear + 2}-01-01`).toBe(true);
    expect(year.latest > `${SCALES.tianmen.fiscalYear + 1}-05-01`).toBe(true);
  });
});
