import { EventCatalog, evaluationEvents, type NewEvent } from '@jixiao/events';
import { Rng, SCALES, Streams, type CityYear } from '@jixiao/generator';
import { isCreditCode } from './agency.decider';
import { agencyGenerator, agencyRatingGenerator, generatedAgencies } from './agency.generator';

const catalog = new EventCatalog(evaluationEvents);

function yearOf(scale: CityYear['scale'], seed = 20231): CityYear {
  const streams = new Streams(
    () => ({ actorId: 't', role: 'SYSTEM', unitId: null }) as never,
    () => new Date(0),
  );
  return { rng: new Rng(seed), seed, streams, scale, units: [], projects: [] };
}

describe('the agency generator step', () => {
  it('buys in three agencies in the demo year and six in Tianmen, each with a valid credit code and a contract', () => {
    const demo = generatedAgencies(yearOf(SCALES.demo));
    const city = generatedAgencies(yearOf(SCALES.tianmen));
    expect(demo).toHaveLength(3);
    expect(city).toHaveLength(6);
    for (const a of city) {
      expect(isCreditCode(a.creditCode)).toBe(true);
      expect(a.creditCode.slice(2, 8)).toBe(SCALES.tianmen.divisionCode);
      expect(a.from <= a.to).toBe(true);
      expect(a.to).toBe(`${SCALES.tianmen.fiscalYear + 1}-12-31`);
    }
    expect(new Set(city.map((a) => a.contractNumber)).size).toBe(6);
    // each with its demo user, an actor id as people's are (the first is the console's demo agency user)
    expect(demo[0]!.userId).toBe('agency.tianheng');
    expect(city.every((a) => /^[a-z]+\.[a-z0-9]+$/.test(a.userId))).toBe(true);
    expect(new Set(city.map((a) => a.userId)).size).toBe(6);
    expect(new Set(city.map((a) => a.creditCode)).size).toBe(6);
  });

  it('is a function of the year’s seed: the same seed, the same agencies; another seed, other ids', () => {
    expect(generatedAgencies(yearOf(SCALES.demo))).toEqual(generatedAgencies(yearOf(SCALES.demo)));
    const other = generatedAgencies(yearOf(SCALES.demo, 7));
    expect(other[0]!.agencyId).not.toBe(generatedAgencies(yearOf(SCALES.demo))[0]!.agencyId);
  });

  it('writes each agency’s registration, procurement and contract through the decider, as the ids it publishes', () => {
    const year = yearOf(SCALES.demo);
    agencyGenerator().finish!(year);
    const events = year.streams.out.flatMap((a) => (a.events as NewEvent[]).map((e) => ({ stream: a.streamId, e })));
    expect(events.map(({ e }) => e.type)).toEqual(
      Array.from({ length: 3 }, () => [
        'AgencyRegistered',
        'AgencyProcurementAnnounced',
        'AgencyContractSigned',
      ]).flat(),
    );
    for (const { e } of events) expect(() => catalog.validate(e)).not.toThrow();
    const published = generatedAgencies(year);
    expect([...new Set(events.map(({ stream }) => stream))]).toEqual(published.map((a) => `agency-${a.agencyId}`));
    const contracts = events.filter(({ e }) => e.type === 'AgencyContractSigned').map(({ e }) => e.data);
    expect(contracts.map((c) => (c as { contractNumber: string }).contractNumber)).toEqual(
      published.map((a) => a.contractNumber),
    );
  });
});

describe('the agency rating step', () => {
  const append = (evaluationId: string, type: string, data: object, recordedAt?: Date) => ({
    streamId: `keyevaluation-${evaluationId}`,
    events: [{ type, data: { evaluationId, ...data } }],
    expectedVersion: 'any' as const,
    metadata: {} as never,
    ...(recordedAt ? { recordedAt } : {}),
  });

  it('rates each generated agency’s key evaluation that reached its final report, on its agency stream, after the report', () => {
    const year = yearOf(SCALES.demo);
    agencyGenerator().finish!(year);
    const [first, second] = generatedAgencies(year);
    const finalizedAt = new Date('2024-09-20T02:00:00.000Z');
    year.streams.out.push(
      append('k1', 'KeyEvaluationPlanned', { kind: 'FINANCE_KEY' }),
      append('k1', 'KeyEvaluationAssigned', { evaluatorId: first!.agencyId }),
      append('k1', 'KeyEvaluationFinalized', {}, finalizedAt),
      // in fieldwork: not rated
      append('k2', 'KeyEvaluationPlanned', { kind: 'FINANCE_KEY' }),
      append('k2', 'KeyEvaluationAssigned', { evaluatorId: second!.agencyId }),
      // a department evaluation: no agency to rate
      append('k3', 'KeyEvaluationPlanned', { kind: 'DEPARTMENT' }),
      append('k3', 'KeyEvaluationAssigned', { evaluatorId: 'u-dept' }),
      append('k3', 'KeyEvaluationFinalized', {}, finalizedAt),
    );
    const before = year.streams.out.length;
    agencyRatingGenerator().finish!(year);
    const added = year.streams.out.slice(before);
    expect(added.map((a) => a.streamId)).toEqual([`agency-${first!.agencyId}`]);
    const [rated] = added[0]!.events as NewEvent[];
    expect(rated).toMatchObject({ type: 'AgencyRated', data: { agencyId: first!.agencyId, evaluationId: 'k1' } });
    expect(() => catalog.validate(rated!)).not.toThrow();
    // the agency's fourth event: after its registration, procurement and contract
    expect(added[0]!.expectedVersion).toBe(3);
    const { ratedOn, score } = rated!.data as { ratedOn: string; score: number };
    expect(ratedOn > '2024-09-20').toBe(true);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(100);
  });

  it('rates nothing in a year without the agency step or without finished key evaluations', () => {
    const year = yearOf(SCALES.demo);
    agencyRatingGenerator().finish!(year);
    expect(year.streams.out).toEqual([]);
    agencyGenerator().finish!(year);
    const before = year.streams.out.length;
    agencyRatingGenerator().finish!(year);
    expect(year.streams.out).toHaveLength(before);
  });
});
