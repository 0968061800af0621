import type { Rng } from './prng';
import type { Scale } from './scales';
import type { Actor, Streams } from './streams';

/** A budget unit of the generated city, as the directory registered it and the other contexts use it. */
export interface Unit {
  unitId: string;
  code: string;
  name: string;
  /** Its sector's key (`data/sectors.ts`): what its projects and indicators are about. */
  sector: string;
  parent: Unit | null;
  /** The unit's own officer (BUDGET_UNIT), who proposes its projects and sets its goals. */
  officer: Actor;
}

/** A project of the year as planning left it: what a later context's steps build on (disbursements, evaluations). */
export interface ProjectFacts {
  projectId: string;
  unit: Unit;
  /** The project's goal of the year, and how far it got (DRAFT … ISSUED, ADJUSTED). */
  goalId: string;
  goalStatus: string;
  amountFen: number;
}

/**
 * The city's year while it is generated: the shared seeded randomness and clock (through the
 * streams), the scale, and the facts the contexts publish to each other as they go — the units
 * (directory) and each project's outcome (planning).
 */
export interface CityYear {
  rng: Rng;
  /**
   * The year's seed: a context whose steps come after planning's seeds its own `Rng` from it, so its
   * draws leave the shared sequence — and every event before its own — as they were.
   */
  seed: number;
  streams: Streams;
  scale: Scale;
  units: Unit[];
  projects: ProjectFacts[];
}

/**
 * A context's part of the city's year (its manifest's `generator`, made afresh for each year):
 * `setup` runs before any project, in the list's order (units, then the rules and the library);
 * `project(year, n)` runs for the n-th project of the year, after the contexts before it in the
 * list have done theirs for the same project; `finish` runs once every project is done (decisions
 * over the whole year, such as publishing a unit's goals). Every event comes out of the context's deciders.
 */
export interface GeneratorSteps {
  setup?(year: CityYear): void;
  project?(year: CityYear, n: number): void;
  finish?(year: CityYear): void;
  /**
   * After every context's finish: what is decided once the year's work is done (a unit's register
   * entry corrected). Nothing drawn here moves any draw of the year before it.
   */
  after?(year: CityYear): void;
}

/** What the generator reads of a context: its steps, if it takes part in the city's year. */
export interface GeneratingContext {
  name: string;
  generator?: () => GeneratorSteps;
}
