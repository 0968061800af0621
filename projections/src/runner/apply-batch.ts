import type { EntityManager } from '@mikro-orm/core';
import type { EventCatalog, RecordedEvent } from '@jixiao/events';
import type { Projection, Versioned } from '../projection';
import { ProjectionCheckpointSchema, type ProjectionCheckpoint } from './checkpoint.entity';

/**
 * Applies one batch to one projection and moves its checkpoint, all in one transaction:
 * a crash leaves read model and checkpoint together, before or after the batch.
 */
export async function applyBatch(
  em: EntityManager,
  projection: Projection,
  catalog: EventCatalog,
  batch: readonly RecordedEvent[],
): Promise<void> {
  const last = batch[batch.length - 1];
  if (!last) return;
  await em.fork().transactional(async (tx) => {
    const docs = new Map<string, Versioned | null>();
    for (const stored of batch) {
      if (!projection.handles.includes(stored.type)) continue;
      const event = catalog.upcast(stored);
      const current = docs.has(event.streamId) ? docs.get(event.streamId)! : await projection.load(tx, event.streamId);
      if (current && current.lastVersion >= event.streamVersion) continue;
      const next = projection.evolve(current, event);
      docs.set(event.streamId, next && { ...next, lastVersion: event.streamVersion });
    }
    for (const doc of docs.values()) if (doc) await projection.save(tx, doc);
    const checkpoint = await tx.findOne(ProjectionCheckpointSchema, { name: projection.name });
    const values = { transactionId: last.transactionId, globalPosition: last.globalPosition, updatedAt: new Date() };
    if (checkpoint) tx.assign(checkpoint, values);
    else
      tx.persist(tx.create(ProjectionCheckpointSchema, { name: projection.name, ...values } as ProjectionCheckpoint));
  });
}
