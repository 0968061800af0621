import type { EventCatalog, RecordedEvent } from '@jixiao/events';
import type { Keyed, KeyedProjection } from '../keyed';
import type { ProjectionStreamRecord } from './stream-record.entity';

/** One source event as a keyed projection applies it: the documents it updates and the stream's memo around it. */
export interface KeyedStep {
  event: RecordedEvent;
  keys: readonly string[];
  before: unknown;
  after: unknown;
}

export interface PlanOptions {
  /** Reads versions `from`..`to` of a stream from the event store (see `ApplyBatchOptions.fillGap`). */
  fillGap?: (streamId: string, fromVersion: number, toVersion: number) => Promise<RecordedEvent[]>;
  /** Told of each event `fillGap` supplied that the projection handles. */
  onHealed?: (event: RecordedEvent) => void;
}

/**
 * Walks `events` (in each stream's order) against the projection's stream records: an event whose
 * version the stream's record has already reached is skipped (a replay changes nothing); with
 * `fillGap`, an event after a version gap is preceded by the events it skipped. Returns the steps
 * to apply, in order; `records` is moved on in place (version and memo) and `touched` names the
 * streams whose records changed. Unknown event types are skipped.
 */
export async function planKeyed(
  projection: KeyedProjection,
  catalog: EventCatalog,
  events: readonly RecordedEvent[],
  records: Map<string, ProjectionStreamRecord>,
  touched: Set<string>,
  options: PlanOptions = {},
): Promise<KeyedStep[]> {
  const handles = new Set(projection.handles);
  const steps: KeyedStep[] = [];
  const step = (event: RecordedEvent) => {
    if (!handles.has(event.type)) return;
    const record = records.get(event.streamId);
    const upcast = catalog.upcast(event);
    const before = record?.memo ?? null;
    const after = projection.remember ? projection.remember(before, upcast) : null;
    steps.push({ event: upcast, keys: projection.keysOf(upcast, before), before, after });
    const lastVersion = event.streamVersion;
    records.set(event.streamId, { projection: projection.name, streamId: event.streamId, lastVersion, memo: after });
    touched.add(event.streamId);
  };
  for (const event of events) {
    if (!handles.has(event.type)) continue;
    const seen = records.get(event.streamId)?.lastVersion ?? 0;
    if (seen >= event.streamVersion) continue;
    if (options.fillGap && event.streamVersion > seen + 1) {
      for (const missed of await options.fillGap(event.streamId, seen + 1, event.streamVersion - 1)) {
        if (handles.has(missed.type)) options.onHealed?.(missed);
        step(missed);
      }
    }
    step(event);
  }
  return steps;
}

/** Every document key the steps update, each once. */
export function keysOfSteps(steps: readonly KeyedStep[]): string[] {
  return [...new Set(steps.flatMap((s) => s.keys))];
}

/**
 * Pure: applies the steps to the documents (`docs` holds every key the steps name, null where
 * none is stored) and adds each key it changed to `changed`. A `null` from `evolve` deletes;
 * a document `evolve` returns carries its key.
 */
export function applyKeyedSteps(
  projection: KeyedProjection,
  steps: readonly KeyedStep[],
  docs: Map<string, Keyed | null>,
  changed: Set<string>,
): void {
  for (const { event, keys, before, after } of steps) {
    for (const key of keys) {
      docs.set(key, projection.evolve(docs.get(key) ?? null, event, { key, before, after }));
      changed.add(key);
    }
  }
}
