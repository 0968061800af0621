import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { EventCatalog, RecordedEvent } from '@jixiao/events';
import { isKeyed, type Projection, type StreamProjection, type Versioned } from '../projection';
import { applyKeyed } from './apply-keyed';
import { ProjectionCheckpointSchema, type ProjectionCheckpoint } from './checkpoint.entity';

export interface ApplyBatchOptions {
  /** The checkpoint row to move; the projection's name by default (Kafka workers keep one per partition). */
  checkpointName?: string;
  /**
   * Reads the events of a stream a document has not seen (versions `from`..`to`) from the
   * event store. Given, an event that arrives after a version gap is preceded by the
   * events it skipped; a Kafka worker passes it, since the log, not Kafka, is the truth.
   */
  fillGap?: (streamId: string, fromVersion: number, toVersion: number) => Promise<RecordedEvent[]>;
  /**
   * Told of each event `fillGap` supplied that the projection handles: a message the
   * transport lost. Kafka keeps a key's order, so this should never happen; log it.
   */
  onHealed?: (event: RecordedEvent) => void;
  /**
   * Runs first inside the batch's transaction, before any read-model row is touched (a Kafka
   * worker records the transaction's id there when asked to keep a journal for the fault tests).
   */
  onBegin?: (tx: EntityManager) => Promise<void>;
}

const handled = new WeakMap<Projection, ReadonlySet<string>>();

/** The event types `projection` handles, as a set (made once per projection). */
export function handledBy(projection: Projection): ReadonlySet<string> {
  let types = handled.get(projection);
  if (!types) handled.set(projection, (types = new Set(projection.handles)));
  return types;
}

/**
 * The document after `event`, which records the stream version it has seen; unchanged when the
 * projection does not handle the event's type. (Skipping what a document has already seen is the caller's.)
 */
export function foldEvent(
  projection: StreamProjection,
  catalog: EventCatalog,
  doc: Versioned | null,
  event: RecordedEvent,
): Versioned | null {
  if (!handledBy(projection).has(event.type)) return doc;
  const next = projection.evolve(doc, catalog.upcast(event));
  return next && { ...next, lastVersion: event.streamVersion };
}

/**
 * Applies one batch to one projection and moves its checkpoint, all in one transaction:
 * a crash leaves read model and checkpoint together, before or after the batch. The documents
 * of every stream the batch touches are loaded together and the changed ones saved together;
 * a keyed projection's stream records too (see `applyKeyed`).
 */
export async function applyBatch(
  em: EntityManager,
  projection: Projection,
  catalog: EventCatalog,
  batch: readonly RecordedEvent[],
  options: ApplyBatchOptions = {},
): Promise<void> {
  const last = batch[batch.length - 1];
  if (!last) return;
  const handles = handledBy(projection);
  const relevant = batch.filter((e) => handles.has(e.type));
  await em.fork().transactional(async (tx) => {
    await options.onBegin?.(tx);
    if (isKeyed(projection)) await applyKeyed(tx, projection, catalog, relevant, options);
    else await applyByStream(tx, projection, catalog, relevant, options);
    const name = options.checkpointName ?? projection.name;
    await tx.upsert(ProjectionCheckpointSchema, {
      name,
      transactionId: last.transactionId,
      globalPosition: last.globalPosition,
      // a new stamp per batch: what the read cache keys its answers by
      stamp: randomUUID(),
      updatedAt: new Date(),
    } as ProjectionCheckpoint);
  });
}

/** One batch of a projection keyed by stream, inside the caller's transaction: each document is its stream's record. */
async function applyByStream(
  tx: EntityManager,
  projection: StreamProjection,
  catalog: EventCatalog,
  relevant: readonly RecordedEvent[],
  options: ApplyBatchOptions,
): Promise<void> {
  const handles = handledBy(projection);
  const streamIds = [...new Set(relevant.map((e) => e.streamId))];
  const stored = streamIds.length ? await projection.loadMany(tx, streamIds) : new Map<string, Versioned>();
  const docs = new Map<string, Versioned | null>(streamIds.map((id) => [id, stored.get(id) ?? null]));
  const changed = new Set<string>();
  const fold = (doc: Versioned | null, event: RecordedEvent) => foldEvent(projection, catalog, doc, event);
  for (const event of relevant) {
    let current = docs.get(event.streamId) ?? null;
    if (current && current.lastVersion >= event.streamVersion) continue;
    const expected = (current?.lastVersion ?? 0) + 1;
    if (options.fillGap && event.streamVersion > expected) {
      for (const missed of await options.fillGap(event.streamId, expected, event.streamVersion - 1)) {
        if (handles.has(missed.type)) options.onHealed?.(missed);
        current = fold(current, missed);
      }
    }
    docs.set(event.streamId, fold(current, event));
    changed.add(event.streamId);
  }
  const toSave = [...changed].flatMap((id) => docs.get(id) ?? []);
  if (toSave.length) await projection.saveMany(tx, toSave);
}
