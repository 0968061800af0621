import { JsonType, ReferenceKind, type EntityManager, type EntitySchema, type FilterQuery } from '@mikro-orm/core';
import type { ClientBase } from 'pg';
import { copyField, copyLinesInto } from './copy-text';
import type { RecordedEvent } from '@jixiao/events';
import type { KeyedProjection } from './keyed';

/** A read-model document keyed by its stream; remembers the last stream version applied. */
export interface Versioned {
  streamId: string;
  lastVersion: number;
}

/**
 * A projection whose document is keyed by its stream — the simple case of a keyed projection
 * (see {@link KeyedProjection}): the key is the stream id, and the document itself is the
 * stream's record of the last version applied, so it needs no table or lock of its own.
 * It is a pure reducer — `evolve(doc | null, event)` — plus the storage code that writes the
 * document into its tables. Replayed events (stream version ≤ lastVersion) are skipped by the
 * runner, so they change nothing. Storage is set-based: a batch's documents are loaded and saved
 * a few queries at a time, not one round trip per stream. (A `null` from `evolve` leaves the
 * stored document as it was: a projection that deletes documents is a keyed one.)
 */
export interface StreamProjection<TDoc extends Versioned = Versioned> {
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
  /** Absent: what tells a stream projection from a keyed one. */
  keysOf?: undefined;
}

/** Any projection the runner, the Kafka workers and the rebuild feed: keyed by stream, or by a key of its own. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Projection = StreamProjection<any> | KeyedProjection<any, any>;

export function defineProjection<TDoc extends Versioned>(p: StreamProjection<TDoc>): StreamProjection<TDoc> {
  return p;
}

/** True for a projection keyed by its own keys (with stream records), false for one keyed by stream. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isKeyed(projection: Projection): projection is KeyedProjection<any, any> {
  return typeof projection.keysOf === 'function';
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
): Pick<StreamProjection<TRow>, 'loadMany' | 'saveMany'> {
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

/** Knex's client, enough to borrow the connection a query would run on. */
interface KnexClient {
  acquireConnection(): Promise<ClientBase>;
  releaseConnection(connection: ClientBase): Promise<unknown>;
}

/**
 * Runs `fn` on the PostgreSQL connection of the entity manager's transaction (knex pins it to the
 * transaction's client), or on one borrowed from the pool outside a transaction; false elsewhere (SQLite).
 */
async function onPostgresConnection(em: EntityManager, fn: (client: ClientBase) => Promise<void>): Promise<boolean> {
  if (em.getPlatform().constructor.name !== 'PostgreSqlPlatform') return false;
  const trx = em.getTransactionContext<{ client: KnexClient }>();
  const client =
    trx?.client ?? (em.getConnection() as unknown as { getKnex(): { client: KnexClient } }).getKnex().client;
  const connection = await client.acquireConnection();
  try {
    await fn(connection);
  } finally {
    await client.releaseConnection(connection);
  }
  return true;
}

/** A value of a row as a field of COPY's text format; JSON columns hold the value's JSON text. */
function copyValue(value: unknown, json: boolean): string {
  if (value === null || value === undefined) return '\\N';
  if (json) return copyField(JSON.stringify(value));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return copyField(JSON.stringify(value));
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return copyField(String(value));
}

/**
 * Inserts rows of one table. On PostgreSQL they are streamed in with COPY, in the entity manager's
 * transaction: MikroORM's `insertMany` writes every value into the SQL text as a quoted literal (17 s
 * of a city-year rebuild: 34,261 goals with 130,170 indicators), and `json_populate_recordset`,
 * used next, spent ~170 µs per goal row building records (5,000 goals: 840 ms, by COPY 90 ms).
 * Elsewhere (SQLite) through `insertMany`. Every persisted column is written, so a missing value
 * is NULL, not a column default.
 */
export async function insertRows<T extends object>(
  em: EntityManager,
  schema: EntitySchema<T>,
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const meta = em.getMetadata().get(schema.meta.className);
  const props = meta.props.filter((p) => p.kind === ReferenceKind.SCALAR && p.persist !== false);
  const json = props.map((p) => p.customType instanceof JsonType);
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const table = `${ident(meta.schema ?? em.config.get('schema') ?? 'public')}.${ident(meta.tableName)}`;
  const target = `${table} (${props.map((p) => ident(p.fieldNames[0]!)).join(', ')})`;
  function* lines(): Generator<string> {
    for (const row of rows) {
      const values = row as Record<string, unknown>;
      yield `${props.map((p, i) => copyValue(values[p.name], json[i]!)).join('\t')}\n`;
    }
  }
  const copied = await onPostgresConnection(em, (client) => copyLinesInto(client, target, lines()));
  if (!copied) for (const part of chunks(rows)) await em.insertMany(schema, part as T[]);
}
