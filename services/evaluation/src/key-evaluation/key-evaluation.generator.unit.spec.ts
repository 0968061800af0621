import { EventCatalog, evaluationEvents, type NewEvent } from '@jixiao/events';
import { Rng, SCALES, Streams, type CityYear, type ProjectFacts } from '@jixiao/generator';
import { generatedAgencies } from '../agency/agency.generator';
import { keyEvaluationDecider } from './key-evaluation.decider';
import type { KeyEvaluationEvent } from './key-evaluation.events';
import { keyEvaluationGenerator } from './key-evaluation.generator';

const catalog = new EventCatalog(evaluationEvents);

/** A year with `count` issued projects, one per unit. */
function yearOf(scale: CityYear['scale'], count: number, seed = 20231): CityYear {
  const streams = new Streams(
    () => ({ actorId: 't', role: 'SYSTEM', unitId: null }) as never,
    () => new Date(0),
  );
  const projects: ProjectFacts[] = Array.from({ length: count }, (_, i) => {
    const unit = {
      unitId: `u${i}`,
      code: `${100 + i}`,
      name: `单位${i}`,
      sector: 'education',
      parent: null,
      officer: { actorId: `officer.${i}`, role: 'BUDGET_UNIT', unitId: `u${i}` },
    };
    return {
      projectId: `p${i}`,
      unit,
      goalId: `g${i}`,
      goalStatus: i % 5 === 4 ? 'DRAFT' : 'ISSUED',
      amountFen: 1_000_000,
    };
  });
  return { rng: new Rng(seed), seed, streams, scale, units: projects.map((p) => p.unit), projects };
}

/** The evaluations' events by stream, and each one's final state through the decider. */
function generated(year: CityYear) {
  keyEvaluationGenerator().finish!(year);
  const byStream = new Map<string, KeyEvaluationEvent[]>();
  for (const append of year.streams.out) {
    for (const e of append.events) {
      catalog.validate(e as NewEvent);
      byStream.set(append.streamId, [...(byStream.get(append.streamId) ?? []), e as KeyEvaluationEvent]);
    }
  }
  return [...byStream.entries()].map(([streamId, events]) => ({
    streamId,
    events,
    state: events.reduce(keyEvaluationDecider.evolve, keyEvaluationDecider.initialState()),
  }));
}

describe('the key-evaluation generator step', () => {
  it('writes the demo year’s two: one through to results notified, one in fieldwork, each of an issued project', () => {
    const year = yearOf(SCALES.demo, 10);
    const evaluations = generated(year);
    expect(evaluations.map((e) => e.state.stage)).toEqual(['RESULTS_NOTIFIED', 'FIELDWORK']);
    const done = evaluations[0]!.events.map((e) => e.type);
    expect(new Set(done)).toEqual(
      new Set([
        'KeyEvaluationPlanned',
        'KeyEvaluationAssigned',
        'EvaluationEvidenceRecorded',
        'EvaluationScoreGiven',
        'EvaluationDraftReportSubmitted',
        'EvaluationFeedbackGiven',
        'EvaluationFeedbackAnswered',
        'KeyEvaluationFinalized',
        'KeyEvaluationResultsNotified',
      ]),
    );
    const planned = evaluations.map((e) => e.events[0]!.data as { projectId: string });
    for (const { projectId } of planned)
      expect(year.projects.find((p) => p.projectId === projectId)?.goalStatus).toBe('ISSUED');
    const agencies = generatedAgencies(year).map((a) => a.agencyId);
    for (const e of evaluations) expect(agencies).toContain(e.state.evaluatorId);
  });

  it('grades the finished one from its scores: every dimension within its share, the total their sum', () => {
    const [done] = generated(yearOf(SCALES.demo, 10));
    const final = done!.events.find((e) => e.type === 'KeyEvaluationFinalized')!.data as {
      dimensions: { maxPoints: number; awarded: number }[];
      total: number;
    };
    for (const d of final.dimensions) expect(d.awarded).toBeLessThanOrEqual(d.maxPoints);
    expect(final.total).toBeCloseTo(
      final.dimensions.reduce((a, d) => a + d.awarded, 0),
      2,
    );
  });

  it('writes eighteen in a city year, at every stage, of eighteen different units', () => {
    const evaluations = generated(yearOf(SCALES.tianmen, 60));
    expect(evaluations).toHaveLength(18);
    const stages = evaluations.map((e) => e.state.stage);
    expect(new Set(stages)).toEqual(
      new Set([
        'PLANNED',
        'AGENCY_ASSIGNED',
        'FIELDWORK',
        'DRAFT_REPORT',
        'UNIT_FEEDBACK',
        'FINAL',
        'RESULTS_NOTIFIED',
      ]),
    );
    expect(new Set(evaluations.map((e) => e.state.unitId)).size).toBe(18);
  });

  it('is a function of the year’s seed', () => {
    const ids = (seed: number) => generated(yearOf(SCALES.demo, 10, seed)).map((e) => e.streamId);
    expect(ids(20231)).toEqual(ids(20231));
    expect(ids(7)).not.toEqual(ids(20231));
  });
});
