import { createHash } from 'node:crypto';
import { catalog, CONTEXTS } from '@jixiao/contexts';
import { UNIT_SECTORS, type BatchAppend } from '@jixiao/events';
import { generateCityYear, SCALES, type Scale } from '@jixiao/generator';
import { goalDecider, type GoalState } from '@jixiao/planning';

function* appendsOf(scale: Scale, seed?: number): Generator<BatchAppend> {
  for (const chunk of generateCityYear({ contexts: CONTEXTS, scale, seed })) yield* chunk;
}

/** SHA-256 over every append as it would reach the store: stream, version, events, metadata, time. */
function fingerprint(scale: Scale, seed?: number): string {
  const hash = createHash('sha256');
  for (const a of appendsOf(scale, seed))
    hash.update(JSON.stringify({ ...a, recordedAt: a.recordedAt?.toISOString() }));
  return hash.digest('hex');
}

interface Year {
  goals: Map<string, GoalState>;
  byType: Map<string, number>;
  streams: Set<string>;
}

/** Folds the goal streams with the decider's own evolve and counts events by type. */
function summarize(scale: Scale): Year {
  const year: Year = { goals: new Map(), byType: new Map(), streams: new Set() };
  for (const a of appendsOf(scale)) {
    year.streams.add(a.streamId);
    for (const e of a.events) {
      year.byType.set(e.type, (year.byType.get(e.type) ?? 0) + 1);
      if (a.streamId.startsWith('goal-')) {
        const state = year.goals.get(a.streamId) ?? goalDecider.initialState();
        year.goals.set(a.streamId, goalDecider.evolve(state, e as never));
      }
    }
  }
  return year;
}

const count = (year: Year, type: string) => year.byType.get(type) ?? 0;

describe('the city-year generator', () => {
  it('gives the same events for the same seed, and different ones for another seed', () => {
    const first = fingerprint(SCALES.demo);
    expect(fingerprint(SCALES.demo)).toBe(first);
    expect(fingerprint(SCALES.demo, 7)).not.toBe(first);
  });

  it('produces only events the catalog accepts, each at the version its stream has reached', () => {
    const versions = new Map<string, number>();
    const wrong: string[] = [];
    let checked = 0;
    for (const a of appendsOf(SCALES.small)) {
      if (a.expectedVersion !== (versions.get(a.streamId) ?? 0)) wrong.push(`${a.streamId} version`);
      versions.set(a.streamId, (versions.get(a.streamId) ?? 0) + a.events.length);
      // people (li.na, an officer), or the platform's scheduler and reactions as they record themselves
      if (!/^([a-z]+\.[a-z0-9]+|system:[a-z.-]+)$/.test(a.metadata.actorId)) wrong.push(`actor ${a.metadata.actorId}`);
      for (const e of a.events) {
        try {
          catalog.validate(e);
        } catch (error) {
          wrong.push(`${e.type}: ${(error as Error).message}`);
        }
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(20_000);
  });

  describe('the demo year', () => {
    const year = summarize(SCALES.demo);

    it('has a few units in two levels and about 30 projects, one goal each', () => {
      expect(count(year, 'BudgetUnitRegistered')).toBe(8);
      expect(count(year, 'ProjectProposed')).toBe(30);
      expect(year.goals.size).toBe(30);
      expect(count(year, 'RuleProfilePublished')).toBe(1);
      expect(count(year, 'IndicatorTemplateAdded')).toBeGreaterThan(50);
    });

    it('shows every lifecycle state, a sample, returns and resubmissions, passed and failed pre-assessments', () => {
      const states = new Set([...year.goals.values()].map((g) => g.status));
      for (const s of ['DRAFT', 'SUBMITTED', 'FINANCE_REVIEW', 'RETURNED', 'APPROVED', 'ISSUED', 'ADJUSTED']) {
        expect(states).toContain(s);
      }
      expect([...year.goals.values()].some((g) => g.exemplary)).toBe(true);
      expect([...year.goals.values()].some((g) => g.submissions >= 2)).toBe(true);
      expect(count(year, 'PreAssessmentConcluded')).toBeGreaterThanOrEqual(2);
    });

    it('gives every unit the sector (行业) of its bureau, from the closed list: none 未分类', () => {
      const units: { name: string; sector: string; parentId: string | null; unitId: string }[] = [];
      const changes: { unitId: string; sector: string; previousSector: string }[] = [];
      for (const a of appendsOf(SCALES.demo))
        for (const e of a.events) {
          if (e.type === 'BudgetUnitRegistered') units.push(e.data as (typeof units)[number]);
          if (e.type === 'BudgetUnitSectorChanged') changes.push(e.data as (typeof changes)[number]);
        }
      expect(units).toHaveLength(8);
      // one unit came over from the old register unclassified, and was sorted once the year's work was done
      expect(units.filter((u) => u.sector === '')).toHaveLength(1);
      expect(changes).toEqual([{ unitId: units[1]!.unitId, sector: units[0]!.sector, previousSector: '' }]);
      for (const change of changes) units.find((u) => u.unitId === change.unitId)!.sector = change.sector;
      for (const unit of units) expect(UNIT_SECTORS).toContain(unit.sector);
      const sectorOf = (name: string) => units.find((u) => u.name === name)?.sector;
      expect(sectorOf('天门市教育局')).toBe('教育');
      expect(sectorOf('天门中学')).toBe('教育');
      expect(sectorOf('天门市交通运输局')).toBe('交通');
      const byId = new Map(units.map((u) => [u.unitId, u]));
      for (const unit of units.filter((u) => u.parentId)) expect(unit.sector).toBe(byId.get(unit.parentId!)!.sector);
      // the demo has units of more than one sector, so figures by sector have more than one bar
      expect(new Set(units.map((u) => u.sector)).size).toBeGreaterThan(1);
    });

    it('publishes the issued goals of some unit-years (公开), not all, and some twice', () => {
      const published = [...year.streams].filter((s) => s.startsWith('disclosure-'));
      const unitsWithIssuedGoals = new Set(
        [...year.goals.values()].filter((g) => ['ISSUED', 'ADJUSTED'].includes(g.status)).map((g) => g.content!.unitId),
      );
      expect(published.length).toBeGreaterThan(0);
      expect(published.length).toBeLessThan(unitsWithIssuedGoals.size);
      expect(count(year, 'GoalsPublished')).toBeGreaterThan(published.length);
    });
  });

  it('generates the Tianmen year: 200 units, 34,261 goals, more than 130,000 indicators', () => {
    const year = summarize(SCALES.tianmen);
    expect(count(year, 'BudgetUnitRegistered')).toBe(200);
    expect(year.goals.size).toBe(34_261);
    const indicators = [...year.goals.values()].reduce((n, g) => n + g.indicators.length, 0);
    expect(indicators).toBeGreaterThan(130_000);
    const states = new Set([...year.goals.values()].map((g) => g.status));
    expect(states.size).toBe(7);
  }, 120_000);
});
