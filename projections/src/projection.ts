import type { EntityManager, EntitySchema, FilterQuery } from '@mikro-orm/core';
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
 * Storage is set-based: a batch's documents are loaded and saved a few queries at a time,
 * not one round trip per stream.
 */
export interface Projection<TDoc extends Versioned = Versioned> {
  /** Stable name; also the checkpoint key. */
  name: string;
  /** Event types it reads. */
  handles: readonly string[];
  /** The MikroORM entity schemas (tables) it owns. */
  entities: EntitySchema[];
  evolve(doc: TDoc | null, event: RecordedEvent): TDoc | null;
  /** The stored documents of these streams, by stream id; streams without one are absent. */
  loadMany(em: EntityManager, streamIds: readonly string[]): Promise<Map<string, TDoc>>;
  /** Writes these documents (inserted or replaced). */
  saveMany(em: EntityManager, docs: readonly TDoc[]): Promise<void>;
}

export function defineProjection<TDoc extends Versioned>(p: Projection<TDoc>): Projection<TDoc> {
  return p;
}

/** Rows per statement when writing many: below SQLite's and PostgreSQL's bound-parameter limits. */
export const ROWS_PER_STATEMENT = 500;

/** Splits `items` into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Storage for a projection whose document is one row keyed by its stream id. Saving replaces
 * rows by primary key (delete, then one multi-row insert): as an upsert would, without the ORM
 * reading every row back into managed entities.
 */
export function rowStorage<TRow extends Versioned & object>(
  schema: EntitySchema<TRow>,
  primaryKey: keyof TRow & string,
): Pick<Projection<TRow>, 'loadMany' | 'saveMany'> {
  return {
    async loadMany(em, streamIds) {
      const found = new Map<string, TRow>();
      for (const ids of chunks(streamIds)) {
        const where = { streamId: { $in: ids } } as FilterQuery<TRow>;
        for (const row of await em.find(schema, where, { disableIdentityMap: true })) found.set(row.streamId, row);
      }
      return found;
    },
    async saveMany(em, rows) {
      for (const part of chunks(rows)) {
        await em.nativeDelete(schema, { [primaryKey]: { $in: part.map((r) => r[primaryKey]) } } as FilterQuery<TRow>);
        await em.insertMany(schema, part as TRow[]);
      }
    },
  };
}
