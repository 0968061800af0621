import { CONTEXTS } from '@jixiao/contexts';
import type { EventStore } from '@jixiao/events';
import { seedCityYear, SCALES, type SeedReport } from '@jixiao/generator';

export type SeedOutcome = SeedReport;

/**
 * Loads the `demo` city-year into a store that has no events yet, so a newcomer's first query
 * returns real-looking data; a store with any history is never touched.
 */
export async function seedIfEmpty(store: EventStore, seed: 'none' | 'demo'): Promise<SeedOutcome | null> {
  if (seed === 'none') return null;
  if ((await store.readAll({ limit: 1 })).length > 0) return null;
  return seedCityYear(store, { contexts: CONTEXTS, scale: SCALES[seed] });
}
