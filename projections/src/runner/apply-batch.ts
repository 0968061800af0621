import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { EventCatalog, RecordedEvent } from '@jixiao/events';
import type { Projection, Versioned } from '../projection';
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
}

/**
 * Applies one batch to one projection and moves its checkpoint, all in one transaction:
 * a crash leaves read model and checkpoint together, before or after the batch.
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
  await em.fork().transactional(async (tx) => {
    const docs = new Map<string, Versioned | null>();
    const fold = (doc: Versioned | null, stored: RecordedEvent): Versioned | null => {
      if (!projection.handles.includes(stored.type)) return doc;
      const next = projection.evolve(doc, catalog.upcast(stored));
      return next && { ...next, lastVersion: stored.streamVersion };
    };
    for (const stored of batch) {
      if (!projection.handles.includes(stored.type)) continue;
      let current = docs.has(stored.streamId) ? docs.get(stored.streamId)! : await projection.load(tx, stored.streamId);
      if (current && current.lastVersion >= stored.streamVersion) continue;
      const expected = (current?.lastVersion ?? 0) + 1;
      if (options.fillGap && stored.streamVersion > expected) {
        for (const missed of await options.fillGap(stored.streamId, expected, stored.streamVersion - 1)) {
          if (projection.handles.includes(missed.type)) options.onHealed?.(missed);
          current = fold(current, missed);
        }
      }
      docs.set(stored.streamId, fold(current, stored));
    }
    for (const doc of docs.values()) if (doc) await projection.save(tx, doc);
    const name = options.checkpointName ?? projection.name;
    const checkpoint = await tx.findOne(ProjectionCheckpointSchema, { name });
    const values = {
      transactionId: last.transactionId,
      globalPosition: last.globalPosition,
      batches: (checkpoint?.batches ?? 0) + 1,
      updatedAt: new Date(),
    };
    if (checkpoint) tx.assign(checkpoint, values);
    else
      tx.persist(
        tx.create(ProjectionCheckpointSchema, { name, epoch: randomUUID(), ...values } as ProjectionCheckpoint),
      );
  });
}
