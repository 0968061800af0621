import type { BatchAppend, EventMetadata } from '@jixiao/events';
import { Rng } from './prng';
import type { Scale } from './scales';
import { Streams, type Actor } from './streams';
import type { CityYear, GeneratingContext } from './year';

export interface GenerateOptions {
  scale: Scale;
  /** Same seed, same events (ids, texts, times); 2023 by default. */
  seed?: number;
  /** The contexts whose steps make the year, in order (the platform's list, `CONTEXTS`). */
  contexts: readonly GeneratingContext[];
}

const DAY = 86_400_000;

/** A stable office IP per person, as the access log would show it. */
export function clientIpOf(actorId: string): string {
  let h = 0;
  for (const ch of actorId) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return `10.42.${(h >>> 8) % 250}.${(h % 250) + 2}`;
}

/**
 * A city-year as appends, in the order they happened: each context's setup first (units, the
 * year's rule profile and the indicator library), then each project through every context's steps
 * (proposal, pre-assessment, goal lifecycle, budget), then each context's finish (publications). Every
 * event comes out of a decider; yields one chunk of appends per step so memory stays bounded.
 */
export function* generateCityYear({ scale, seed = 2023, contexts }: GenerateOptions): Generator<BatchAppend[]> {
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
  const year: CityYear = { rng, seed, streams: new Streams(metadata, clock), scale, units: [], projects: [] };
  const steps = contexts.flatMap((c) => (c.generator ? [c.generator()] : []));
  for (const s of steps) s.setup?.(year);
  yield year.streams.drain();
  for (let n = 0; n < scale.goals; n++) {
    for (const s of steps) s.project?.(year, n);
    yield year.streams.drain();
  }
  for (const s of steps) s.finish?.(year);
  yield year.streams.drain();
  for (const s of steps) s.after?.(year);
  yield year.streams.drain();
}
