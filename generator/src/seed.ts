import type { BatchAppend, EventStore } from '@jixiao/events';
import { generateCityYear, type GenerateOptions } from './generate';

export interface SeedReport {
  scale: string;
  events: number;
  appends: number;
  ms: number;
}

export interface SeedOptions extends GenerateOptions {
  /** Appends per transaction of the bulk path; 2,000 by default. */
  batchSize?: number;
  onProgress?: (events: number) => void;
}

/** Generates a city-year and appends it through the store's bulk path, many streams per transaction. */
export async function seedCityYear(store: EventStore, options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 2_000;
  let pending: BatchAppend[] = [];
  let events = 0;
  let appends = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await store.appendBatch(pending);
    appends += pending.length;
    events += pending.reduce((n, a) => n + a.events.length, 0);
    pending = [];
    options.onProgress?.(events);
  };
  for (const chunk of generateCityYear(options)) {
    pending.push(...chunk);
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  return { scale: options.scale.name, events, appends, ms: Math.round(performance.now() - started) };
}
