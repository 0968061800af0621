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
