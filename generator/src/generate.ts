import type { BatchAppend, EventMetadata } from '@jixiao/events';
import { buildLibrary, publishCityProfile, registerUnits } from './city';
import { Planner } from './planner';
import { walkProject, type YearContext } from './project';
import { Rng } from './prng';
import type { Scale } from './scales';
import { Streams, type Actor } from './streams';

export interface GenerateOptions {
  scale: Scale;
  /** Same seed, same events (ids, texts, times); 2023 by default. */
  seed?: number;
}

const DAY = 86_400_000;

/** A stable office IP per person, as the access log would show it. */
function clientIpOf(actorId: string): string {
  let h = 0;
  for (const ch of actorId) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return `10.42.${(h >>> 8) % 250}.${(h % 250) + 2}`;
}

/**
 * A city-year as appends, in the order they happened: units, the year's rule profile and the
 * indicator library first, then each project (proposal, pre-assessment, goal lifecycle, budget).
 * Every event comes out of a decider; yields one chunk of appends per step so memory stays bounded.
 */
export function* generateCityYear({ scale, seed = 2023 }: GenerateOptions): Generator<BatchAppend[]> {
  const rng = new Rng(seed);
  // the budget cycle: proposals from July of the year before, adjustments until late in the year
  const start = Date.UTC(scale.fiscalYear - 1, 6, 1, 1, 0, 0);
  const step = (515 * DAY) / (scale.goals * 9 + scale.units + 100);
  let now = start;
  const clock = () => new Date((now += Math.round(step * (0.5 + rng.next()))));
  const metadata = (actor: Actor): EventMetadata => ({
    actorId: actor.actorId,
    role: actor.role,
    unitId: actor.unitId,
    commandId: rng.uuid(),
    correlationId: rng.uuid(),
    clientIp: clientIpOf(actor.actorId),
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36',
  });
  const streams = new Streams(metadata, clock);
  const units = registerUnits(scale, rng, streams);
  const profile = publishCityProfile(scale, streams);
  const library = buildLibrary(rng, streams);
  yield streams.drain();
  const ctx: YearContext = {
    rng,
    streams,
    scale,
    profile,
    goalRules: {
      ref: profile.ref,
      indicatorCatalogueVersion: profile.rules.indicatorCatalogueVersion,
      jointReviewRoles: profile.rules.jointReviewRoles,
    },
    library,
    documents: { budget: 0, adjustment: 0 },
  };
  const planner = new Planner(rng, scale, units);
  for (let i = 0; i < scale.goals; i++) {
    walkProject(ctx, planner.plan(i));
    yield streams.drain();
  }
}
