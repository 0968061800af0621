import { randomBytes, randomUUID } from 'node:crypto';
import { MikroORM, type EntityManager, type Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import {
  ChainWalk,
  START,
  type BrokenChain,
  type Checkpoint,
  type EventCatalog,
  type RecordedEvent,
} from '@jixiao/events';
import {
  applyBatch,
  chunks,
  foldEvent,
  handledBy,
  isKeyed,
  ProjectionCheckpointSchema,
  ProjectionStreamSchema,
  type Projection,
  type StreamProjection,
  type Versioned,
} from '@jixiao/projections';
import { schemaIdent } from '../event-store/postgres-schema';
import {
  eventArrayColumns,
  fromEventArray,
  type EventArray,
  type PostgresEventStore,
} from '../event-store/postgres-event-store';
import { KeyedMemoryFold } from './keyed-memory-fold';
import { BrokenChainsError, closeChains } from './verify-chains';

export interface RebuildOptions {
  store: PostgresEventStore;
  catalog: EventCatalog;
  /** The projections to rebuild together: the log is read once for all of them. */
  projections: Projection[];
  /** Events per read of the log; 5,000 by default. */
  batchSize?: number;
  /** Documents a projection holds in memory before writing them out; 50,000 by default. */
  documentsInMemory?: number;
  /**
   * Rebuild even when hash chains are broken (they are returned in `brokenChains` for the caller to
   * report). Default false: a broken chain throws {@link BrokenChainsError} and nothing is swapped in.
   */
  acceptBrokenChains?: boolean;
}

/**
 * Rebuilds projections from the event store (not Kafka) into fresh tables in a shadow schema,
 * then swaps them in: queries and workers keep using the old tables meanwhile.
 *
 * The log is read once, only the event types the projections handle, in commit order, and
 * folded in memory: each document is written once, when the catch-up ends (or when
 * `documentsInMemory` are held), into shadow tables without their secondary indexes, which
 * are built once afterwards. The swap takes an exclusive lock on the
 * old tables, applies what was committed since the catch-up (every visible event, so none a
 * worker already applied is missing), then drops the old tables and moves the new ones in, in
 * one transaction. Workers blocked on the lock continue on the new tables; their documents'
 * `lastVersion` makes any overlap harmless.
 *
 * Every stream's hash chain is verified as the log is read (all events, not only the types folded),
 * and closed against the heads the store recorded; a broken one stops the rebuild before anything
 * is written (see `acceptBrokenChains`). Events committed while the swap holds its lock are applied
 * unverified. Returns the number of events applied (those of the types the projections handle) and
 * the broken chains (empty unless accepted).
 */
export async function rebuildProjections(options: RebuildOptions) {
  const { store, catalog, projections, batchSize = 5000, documentsInMemory = 50_000 } = options;
  const live = schemaIdent(store.schema);
  const shadowName = `${store.schema.slice(0, 40)}_rebuild_${randomBytes(4).toString('hex')}`;
  const shadow = schemaIdent(shadowName);
  const tables = projections.flatMap((p) => p.entities.map((e) => e.meta.tableName));
  const types = [...new Set(projections.flatMap((p) => p.handles))];
  const wanted = new Set(types);
  const walk = new ChainWalk();
  let brokenChains: BrokenChain[] = [];
  await store.pool.query(`CREATE SCHEMA ${shadow}`);
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: store.options.connectionString,
    schema: shadowName,
    entities: [ProjectionCheckpointSchema, ProjectionStreamSchema, ...projections.flatMap((p) => p.entities)],
    allowGlobalContext: false,
    debug: false,
  } as Options);
  const apply = async (events: RecordedEvent[]) => {
    for (const projection of projections) await applyBatch(orm.em, projection, catalog, events);
  };
  const swap = new Client({ connectionString: store.options.connectionString });
  let applied = 0;
  let swapping = false;
  try {
    await orm.schema.updateSchema({ safe: true });
    const deferred = await dropSecondaryIndexes(store, shadowName);
    const folds = projections.map((p) =>
      isKeyed(p)
        ? new KeyedMemoryFold(p, catalog, orm.em, documentsInMemory, FLUSH_PARTS)
        : new MemoryFold(p, catalog, orm.em, documentsInMemory),
    );
    let cursor: Checkpoint = START;
    // catch up until a batch comes back short: chasing busy writers to the last event
    // would never end, and the locked step below takes the rest anyway
    // the next page is asked for before this one is folded: PostgreSQL reads while node folds
    // (a read that fails meanwhile is seen when awaited, never as an unhandled rejection)
    const ask = (after: Checkpoint) => {
      const page = readPage(store, after, batchSize);
      page.catch(() => undefined);
      return page;
    };
    let next = ask(cursor);
    for (;;) {
      const page = await next;
      if (page.events.length === batchSize) next = ask(page.end);
      for (const event of page.events) walk.add(event);
      const events = page.events.filter((e) => wanted.has(e.type));
      for (const fold of folds) await fold.add(events);
      applied += events.length;
      cursor = page.end;
      if (page.events.length < batchSize) break;
    }
    brokenChains = await closeChains(store, walk);
    if (brokenChains.length > 0 && !options.acceptBrokenChains) throw new BrokenChainsError(brokenChains);
    // all at once, each projection in parts (up to the ORM's pool of connections): PostgreSQL
    // inserts some rows while node encodes others
    await Promise.all(folds.map((fold) => fold.flush()));
    for (const create of deferred) await store.pool.query(create);
    await swap.connect();
    swapping = true;
    await swap.query('BEGIN');
    // a read model first built by this rebuild has no live table yet
    const existing = await swap.query<{ t: string }>(
      `SELECT t FROM unnest($1::text[]) AS t WHERE to_regclass(format('%I.%I', $2::text, t)) IS NOT NULL`,
      [tables, store.schema],
    );
    if (existing.rows.length > 0) {
      await swap.query(
        `LOCK TABLE ${existing.rows.map(({ t }) => `${live}."${t}"`).join(', ')} IN ACCESS EXCLUSIVE MODE`,
      );
    }
    // every committed event past the cursor, without the in-flight rule: a worker may have
    // applied one that commit order would still hold back
    const rest = await swap.query<EventArray>({
      text: `SELECT ${eventArrayColumns()} FROM ${live}.events WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
         AND type = ANY($3::text[])
       ORDER BY transaction_id, global_position`,
      values: [String(cursor.transactionId), cursor.globalPosition, types],
      rowMode: 'array',
    });
    const events: RecordedEvent[] = rest.rows.map(fromEventArray);
    for (let i = 0; i < events.length; i += batchSize) await apply(events.slice(i, i + batchSize));
    applied += events.length;
    for (const t of tables) {
      await swap.query(`DROP TABLE IF EXISTS ${live}."${t}"`);
      await swap.query(`ALTER TABLE ${shadow}."${t}" SET SCHEMA ${live}`);
    }
    await swapStreamRecords(
      swap,
      live,
      shadow,
      projections.filter(isKeyed).map((p) => p.name),
    );
    // every event was applied anew: the rebuilt projections' dead letters are void
    const deadLetters = await swap.query<{ t: string | null }>(
      `SELECT to_regclass('${live}.rm_dead_letter')::text AS t`,
    );
    if (deadLetters.rows[0]?.t)
      await swap.query(`DELETE FROM ${live}.rm_dead_letter WHERE processor = ANY($1)`, [
        projections.map((p) => p.name),
      ]);
    // new tables, new stamps: the read cache's answers built on the old ones become unreachable
    for (const projection of projections) {
      await swap.query(
        `UPDATE ${live}.rm_projection_checkpoint SET stamp = $2 WHERE name = $1 OR name LIKE $1 || '@%'`,
        [projection.name, randomUUID()],
      );
    }
    await swap.query('COMMIT');
  } catch (error) {
    // a client never connected would queue the ROLLBACK forever
    if (swapping) await swap.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await swap.end().catch(() => undefined);
    await orm.close();
    await store.pool.query(`DROP SCHEMA IF EXISTS ${shadow} CASCADE`);
  }
  return { applied, brokenChains };
}

/** Parts a projection's flush is split into, each its own transaction (and so connection). */
const FLUSH_PARTS = 3;

/**
 * A projection's documents folded in memory, as `applyBatch` would fold them, written to the
 * shadow tables in one go. A document written out earlier is loaded again when its stream
 * has another event.
 */
class MemoryFold {
  private readonly docs = new Map<string, Versioned | null>();
  private readonly written = new Set<string>();

  constructor(
    private readonly projection: StreamProjection,
    private readonly catalog: EventCatalog,
    private readonly em: EntityManager,
    private readonly limit: number,
  ) {}

  async add(events: readonly RecordedEvent[]): Promise<void> {
    const handles = handledBy(this.projection);
    const relevant = events.filter((e) => handles.has(e.type));
    const missing = [...new Set(relevant.map((e) => e.streamId))].filter(
      (id) => !this.docs.has(id) && this.written.has(id),
    );
    if (missing.length > 0) {
      const stored = await this.projection.loadMany(this.em.fork(), missing);
      for (const id of missing) this.docs.set(id, stored.get(id) ?? null);
    }
    for (const event of relevant) {
      const doc = this.docs.get(event.streamId) ?? null;
      if (doc && doc.lastVersion >= event.streamVersion) continue;
      this.docs.set(event.streamId, foldEvent(this.projection, this.catalog, doc, event));
    }
    if (this.docs.size >= this.limit) await this.flush();
  }

  async flush(): Promise<void> {
    const docs = [...this.docs.values()].filter((d): d is Versioned => d !== null);
    // in parts, each in a transaction on a connection of its own: PostgreSQL inserts one part while
    // node encodes the next (the shadow tables are nobody's until the swap, so parts need not be atomic)
    const size = Math.max(2000, Math.ceil(docs.length / FLUSH_PARTS));
    await Promise.all(
      chunks(docs, size).map((part) => this.em.fork().transactional((tx) => this.projection.saveMany(tx, part))),
    );
    for (const id of this.docs.keys()) this.written.add(id);
    this.docs.clear();
  }
}

/**
 * Replaces the live stream records of these keyed projections with the shadow's, in the swap's
 * transaction. The records of other projections stay; the rebuilt projections' workers are held
 * meanwhile (a keyed batch takes its tables' lock before it reads its records).
 */
async function swapStreamRecords(swap: Client, live: string, shadow: string, names: string[]): Promise<void> {
  if (names.length === 0) return;
  const table = ProjectionStreamSchema.meta.tableName;
  const columns = 'projection, stream_id, last_version, memo';
  await swap.query(`CREATE TABLE IF NOT EXISTS ${live}."${table}" (LIKE ${shadow}."${table}" INCLUDING ALL)`);
  await swap.query(`DELETE FROM ${live}."${table}" WHERE projection = ANY($1::text[])`, [names]);
  await swap.query(
    `INSERT INTO ${live}."${table}" (${columns}) SELECT ${columns} FROM ${shadow}."${table}" WHERE projection = ANY($1::text[])`,
    [names],
  );
}

/** Rebuilds one projection; see {@link rebuildProjections}. */
export function rebuildProjection(options: Omit<RebuildOptions, 'projections'> & { projection: Projection }) {
  const { projection, ...rest } = options;
  return rebuildProjections({ ...rest, projections: [projection] });
}

/**
 * One page of the log in commit order after `after` (the subscription rule of the store), every
 * event in full: the chains are verified on all of them, the projections fold those they handle.
 */
async function readPage(
  store: PostgresEventStore,
  after: Checkpoint,
  limit: number,
): Promise<{ events: RecordedEvent[]; end: Checkpoint }> {
  const r = await store.pool.query<EventArray>({
    text: `SELECT ${eventArrayColumns()} FROM ${schemaIdent(store.schema)}.events
     WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
       AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY transaction_id, global_position LIMIT $3`,
    values: [String(after.transactionId), after.globalPosition, limit],
    rowMode: 'array',
  });
  const last = r.rows[r.rows.length - 1];
  const end = last ? { transactionId: Number(last[1]), globalPosition: Number(last[0]) } : after;
  return { events: r.rows.map(fromEventArray), end };
}

/**
 * Drops the shadow tables' indexes that back no constraint (primary keys and unique
 * constraints stay: saving replaces rows by key) and do not lead with `stream_id` (what a
 * document written out mid-way is loaded again by), and returns the statements that build them again.
 */
async function dropSecondaryIndexes(store: PostgresEventStore, schema: string): Promise<string[]> {
  const r = await store.pool.query<{ name: string; def: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(x.indexrelid) AS def
     FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
       AND (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = x.indrelid AND a.attnum = x.indkey[0])
           IS DISTINCT FROM 'stream_id'`,
    [schema],
  );
  for (const { name } of r.rows) await store.pool.query(`DROP INDEX ${schemaIdent(schema)}."${name}"`);
  return r.rows.map((row) => row.def);
}
