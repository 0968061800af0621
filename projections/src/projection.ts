import type { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/core';
import type { RecordedEvent } from '@jixiao/events';

/** A read-model document keyed by its stream; remembers the last stream version applied. */
export interface Versioned {
  streamId: string;
  lastVersion: number;
}

/**
 * A projection is a pure reducer over one stream category — `evolve(doc | null, event)` —
 * plus the storage code that writes the document into its tables. Replayed events
 * (stream version ≤ lastVersion) are skipped by the runner, so they change nothing.
 */
export interface Projection<TDoc extends Versioned = Versioned> {
  /** Stable name; also the checkpoint key. */
  name: string;
  /** Event types it reads. */
  handles: readonly string[];
  /** The MikroORM entity schemas (tables) it owns. */
  entities: EntitySchema[];
  evolve(doc: TDoc | null, event: RecordedEvent): TDoc | null;
  load(em: EntityManager, streamId: string): Promise<TDoc | null>;
  save(em: EntityManager, doc: TDoc): Promise<void>;
}

export function defineProjection<TDoc extends Versioned>(p: Projection<TDoc>): Projection<TDoc> {
  return p;
}
