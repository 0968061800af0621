import { ReferenceKind, type EntityManager, type EntitySchema, type FilterQuery } from '@mikro-orm/core';
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
      }
      await insertRows(em, schema, rows);
    },
  };
}

/** Rows per statement when they go as one JSON parameter (PostgreSQL). */
const ROWS_PER_JSON_STATEMENT = 5000;

interface RawQuery extends PromiseLike<unknown> {
  transacting(trx: unknown): RawQuery;
}

/** The knex of a PostgreSQL connection, to bind parameters that MikroORM's own queries inline. */
function postgresKnex(em: EntityManager): ((sql: string, bindings: unknown[]) => RawQuery) | null {
  if (em.getPlatform().constructor.name !== 'PostgreSqlPlatform') return null;
  const connection = em.getConnection() as unknown as { getKnex(): { raw(sql: string, b: unknown[]): RawQuery } };
  const knex = connection.getKnex();
  return (sql, bindings) => knex.raw(sql, bindings);
}

/**
 * Inserts rows of one table. On PostgreSQL the rows go as one JSON parameter to
 * `json_populate_recordset`, parsed in C: MikroORM's `insertMany` writes every value into the SQL
 * text as a quoted literal, which was most of the time of a rebuild at city-year scale (34,261
 * goals with 130,170 indicators: 17 s, now a few). Elsewhere (SQLite) through `insertMany`.
 * Every persisted column is written, so a missing value is NULL, not a column default.
 */
export async function insertRows<T extends object>(
  em: EntityManager,
  schema: EntitySchema<T>,
  rows: readonly T[],
): Promise<void> {
  const raw = postgresKnex(em);
  if (!raw) {
    for (const part of chunks(rows)) await em.insertMany(schema, part as T[]);
    return;
  }
  const meta = em.getMetadata().get(schema.meta.className);
  const props = meta.props.filter((p) => p.kind === ReferenceKind.SCALAR && p.persist !== false);
  const columns = props.map((p) => p.fieldNames[0]!);
  const table = `${meta.schema ?? em.config.get('schema') ?? 'public'}.${meta.tableName}`;
  const sql = `INSERT INTO ?? (${columns.map(() => '??').join(', ')}) SELECT ${columns.map(() => '??').join(', ')}
    FROM json_populate_recordset(NULL::??, ?::json)`;
  for (const part of chunks(rows, ROWS_PER_JSON_STATEMENT)) {
    const json = JSON.stringify(
      part.map((row) => {
        const out: Record<string, unknown> = {};
        for (let i = 0; i < props.length; i++)
          out[columns[i]!] = (row as Record<string, unknown>)[props[i]!.name] ?? null;
        return out;
      }),
    );
    const query = raw(sql, [table, ...columns, ...columns, table, json]);
    const trx = em.getTransactionContext();
    await (trx ? query.transacting(trx) : query);
  }
}
