import { directoryEvents, EventCatalog, evaluationEvents, type NewEvent } from '@jixiao/events';
import { Rng, SCALES, Streams, type CityYear, type ProjectFacts } from '@jixiao/generator';
import { generatedAgencies } from '../agency/agency.generator';
import { keyEvaluationDecider } from './key-evaluation.decider';
import type { KeyEvaluationEvent } from './key-evaluation.events';
import { keyEvaluationGenerator } from './key-evaluation.generator';

const catalog = new EventCatalog([...evaluationEvents, ...directoryEvents]);

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

/** The evaluations' events by stream, and each one's final state through the decider (the invitations' streams apart). */
function generated(year: CityYear) {
  keyEvaluationGenerator().finish!(year);
  const byStream = new Map<string, KeyEvaluationEvent[]>();
  for (const append of year.streams.out) {
    for (const e of append.events) {
      catalog.validate(e as NewEvent);
      if (!append.streamId.startsWith('keyevaluation-')) continue;
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
        'EvaluationExpertScoreGiven',
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

  it('invites an expert to one evaluation in three, before the expert scores: an assignment of the evaluation, then scores beside the agency’s', () => {
    const year = yearOf(SCALES.tianmen, 60);
    const evaluations = generated(year);
    const grants = year.streams.out
      .filter((a) => a.streamId.startsWith('assignment-key_evaluation-'))
      .flatMap((a) => a.events.map((e) => e.data as { subjectId: string; assigneeUserId: string; kind: string }));
    const withExperts = evaluations.filter((e) => e.state.expertScores.length > 0);
    // n = 0, 3, 6, 9 reach the scores (12 and 15 stop in fieldwork before them)
    expect(withExperts).toHaveLength(4);
    expect(grants).toHaveLength(4);
    for (const e of withExperts) {
      const evaluationId = (e.events[0]!.data as { evaluationId: string }).evaluationId;
      const grant = grants.find((g) => g.subjectId === evaluationId)!;
      expect(grant).toMatchObject({ kind: 'KEY_EVALUATION', assigneeUserId: expect.stringMatching(/^expert\.\d{3}$/) });
      expect(new Set(e.state.expertScores.map((x) => x.expertId))).toEqual(new Set([grant.assigneeUserId]));
      expect(e.state.expertScores.map((x) => [x.dimension, x.indicator, x.maxPoints])).toEqual(
        e.state.scores.map((x) => [x.dimension, x.indicator, x.maxPoints]),
      );
      for (const x of e.state.expertScores) expect(x.points).toBeLessThanOrEqual(x.maxPoints);
      // the assignment is appended before the expert's scores
      const at = (pred: (a: (typeof year.streams.out)[number]) => boolean) => year.streams.out.findIndex(pred);
      expect(at((a) => a.streamId === `assignment-key_evaluation-${evaluationId}`)).toBeLessThan(
        at((a) =>
          a.events.some(
            (x) =>
              x.type === 'EvaluationExpertScoreGiven' &&
              (x.data as { evaluationId: string }).evaluationId === evaluationId,
          ),
        ),
      );
    }
    const final = withExperts.find((e) => e.events.some((x) => x.type === 'KeyEvaluationFinalized'))!;
    const finalized = final.events.find((x) => x.type === 'KeyEvaluationFinalized')!.data as { total: number };
    // the total is the agency's sheet alone
    expect(finalized.total).toBeCloseTo(
      final.state.scores.reduce((a, x) => a + x.points, 0),
      2,
    );
  });
});
