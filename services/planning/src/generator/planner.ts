import { SECTORS, TOWNS, type Rng, type Scale, type Unit } from '@jixiao/generator';
import type { TargetState } from './goal-path';
import type { ProjectPlan } from './project';

/** Share of goals per end state over the year (the rest of the targets are rare on purpose). */
const TARGET_WEIGHTS: Record<TargetState, number> = {
  DRAFT: 2,
  SUBMITTED: 3,
  FINANCE_REVIEW: 4,
  RETURNED: 3,
  APPROVED: 8,
  ISSUED: 70.5,
  ADJUSTED: 8,
  EXEMPLARY: 1.5,
};

/** The first goals of any scale cover every state (and a passed and a failed pre-assessment) so a demo shows them all. */
const OPENING: readonly { target: TargetState; newMajor?: 'pass' | 'fail'; returnedOnce?: boolean }[] = [
  { target: 'ISSUED' },
  { target: 'DRAFT' },
  { target: 'SUBMITTED' },
  { target: 'FINANCE_REVIEW' },
  { target: 'RETURNED' },
  { target: 'APPROVED', newMajor: 'pass' },
  { target: 'ADJUSTED' },
  { target: 'EXEMPLARY', returnedOnce: true },
  { target: 'RETURNED', newMajor: 'fail' },
  { target: 'ISSUED', newMajor: 'pass', returnedOnce: true },
];

const CATEGORY_WEIGHTS = { RECURRING: 45, CONTINUING: 30, ONE_OFF: 25 } as const;

/** Decides, for the n-th project, its unit, name, money and the state its goal reaches. */
export class Planner {
  private readonly seq = new Map<string, number>();
  private readonly weights: number[];
  private readonly total: number;

  constructor(
    private readonly rng: Rng,
    private readonly scale: Scale,
    private readonly units: readonly Unit[],
  ) {
    this.weights = units.map(() => rng.int(1, 10));
    this.total = this.weights.reduce((a, w) => a + w, 0);
  }

  private pickUnit(secondLevelOnly: boolean): Unit {
    if (secondLevelOnly) return this.rng.pick(this.units.filter((u) => u.parent));
    let left = this.rng.next() * this.total;
    for (let i = 0; i < this.units.length; i++) {
      left -= this.weights[i]!;
      if (left < 0) return this.units[i]!;
    }
    return this.units[this.units.length - 1]!;
  }

  plan(index: number): ProjectPlan {
    const { rng } = this;
    const opening = OPENING[index];
    const target = opening?.target ?? rng.weighted(TARGET_WEIGHTS);
    const unit = this.pickUnit(target === 'SUBMITTED' || index < OPENING.length);
    const category = rng.weighted(CATEGORY_WEIGHTS);
    // requests spread log-uniformly from 50 thousand to 50 million yuan
    let amount = Math.round(10 ** (4.7 + rng.next() * 3) / 1e4) * 1e4;
    let isNew = category !== 'CONTINUING' && rng.chance(0.3);
    let isMajor = amount >= 10_000_000;
    let passes = rng.chance(0.8);
    if (opening) {
      isNew = isMajor = opening.newMajor !== undefined;
      passes = opening.newMajor !== 'fail';
      if (isMajor) amount = Math.max(amount, 12_000_000);
      else amount = Math.min(amount, 9_000_000);
    }
    const n = (this.seq.get(unit.unitId) ?? 0) + 1;
    this.seq.set(unit.unitId, n);
    const sector = SECTORS.find((s) => s.key === unit.sector) ?? SECTORS[SECTORS.length - 1]!;
    return {
      unit,
      code: `${unit.code}-${this.scale.fiscalYear}-${String(n).padStart(4, '0')}`,
      name: `${rng.pick(TOWNS)}${rng.pick(sector.projects)}`,
      category,
      isNew,
      isMajor,
      amountFen: amount * 100,
      preAssessmentPasses: passes,
      // a project whose pre-assessment failed cannot get an approved goal through the gate's intent
      target: isNew && isMajor && !passes && !['DRAFT', 'RETURNED'].includes(target) ? 'RETURNED' : target,
      returnedOnce: opening?.returnedOnce ?? rng.chance(0.18),
      indicatorCount: Number(rng.weighted({ '3': 35, '4': 45, '5': 20 })),
    };
  }
}
