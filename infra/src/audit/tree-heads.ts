import type { Checkpoint, EventStore, SignedTreeHead } from '@jixiao/events';
import { schemaIdent } from '../event-store/postgres-schema';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { SqliteEventStore, writeWhenFree } from '../event-store/sqlite-event-store';

/**
 * A sealed tree head as the sealer keeps it beside the log: the signed head, the frontier it resumes
 * from (merkle.ts) and the last event it covers in commit order. Only the signed fields are evidence;
 * the rest lets the next seal start where this one ended. The same heads are written outside the
 * database (the checkpoint folder), which is what an auditor relies on.
 */
export interface StoredTreeHead extends SignedTreeHead {
  frontier: string[];
  cursor: Checkpoint;
}

export interface TreeHeadStore {
  latest(): Promise<StoredTreeHead | null>;
  /** Every head, smallest tree first. */
  list(): Promise<StoredTreeHead[]>;
  bySize(treeSize: number): Promise<StoredTreeHead | null>;
  /**
   * Keeps a head; false if one of that size is already kept (a racing sealer's: the leaves come in
   * commit order, so its root is the same one and the sequence stays consistent).
   */
  add(head: StoredTreeHead): Promise<boolean>;
}

interface Row {
  tree_size: number | string;
  log: string;
  root_hash: string;
  sealed_at: string;
  key_id: string;
  signature: string;
  frontier: string;
  cursor_transaction_id: number | string;
  cursor_global_position: number | string;
}

const COLUMNS =
  'tree_size, log, root_hash, sealed_at, key_id, signature, frontier, cursor_transaction_id, cursor_global_position';

const fromRow = (r: Row): StoredTreeHead => ({
  log: r.log,
  treeSize: Number(r.tree_size),
  rootHash: r.root_hash,
  sealedAt: r.sealed_at,
  keyId: r.key_id,
  signature: r.signature,
  frontier: JSON.parse(r.frontier) as string[],
  cursor: { transactionId: Number(r.cursor_transaction_id), globalPosition: Number(r.cursor_global_position) },
});

const values = (h: StoredTreeHead) => [
  h.treeSize,
  h.log,
  h.rootHash,
  h.sealedAt,
  h.keyId,
  h.signature,
  JSON.stringify(h.frontier),
  h.cursor.transactionId,
  h.cursor.globalPosition,
];

class SqliteTreeHeads implements TreeHeadStore {
  private ready = false;
  constructor(private readonly store: SqliteEventStore) {}

  private async table() {
    if (this.ready) return;
    await writeWhenFree(() =>
      this.store.db.exec(`CREATE TABLE IF NOT EXISTS tree_heads (
        tree_size integer PRIMARY KEY, log text NOT NULL, root_hash text NOT NULL, sealed_at text NOT NULL,
        key_id text NOT NULL, signature text NOT NULL, frontier text NOT NULL,
        cursor_transaction_id integer NOT NULL, cursor_global_position integer NOT NULL)`),
    );
    this.ready = true;
  }

  private async rows(where: string, ...args: unknown[]): Promise<StoredTreeHead[]> {
    await this.table();
    const rows = this.store.db.prepare(`SELECT ${COLUMNS} FROM tree_heads ${where}`).all(...args) as Row[];
    return rows.map(fromRow);
  }

  async latest() {
    return (await this.rows('ORDER BY tree_size DESC LIMIT 1'))[0] ?? null;
  }
  list() {
    return this.rows('ORDER BY tree_size');
  }
  async bySize(treeSize: number) {
    return (await this.rows('WHERE tree_size = ?', treeSize))[0] ?? null;
  }
  async add(head: StoredTreeHead) {
    await this.table();
    const r = await writeWhenFree(() =>
      this.store.db
        .prepare(`INSERT INTO tree_heads (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
        .run(...values(head)),
    );
    return r.changes === 1;
  }
}

class PostgresTreeHeads implements TreeHeadStore {
  private ready: Promise<unknown> | null = null;
  private readonly s: string;
  constructor(private readonly store: PostgresEventStore) {
    this.s = schemaIdent(store.schema);
  }

  private table() {
    this.ready ??= this.store.pool.query(`CREATE TABLE IF NOT EXISTS ${this.s}.tree_heads (
        tree_size bigint PRIMARY KEY, log text NOT NULL, root_hash text NOT NULL, sealed_at text NOT NULL,
        key_id text NOT NULL, signature text NOT NULL, frontier text NOT NULL,
        cursor_transaction_id bigint NOT NULL, cursor_global_position bigint NOT NULL)`);
    return this.ready;
  }

  private async rows(where: string, args: unknown[] = []): Promise<StoredTreeHead[]> {
    await this.table();
    const r = await this.store.pool.query<Row>(`SELECT ${COLUMNS} FROM ${this.s}.tree_heads ${where}`, args);
    return r.rows.map(fromRow);
  }

  async latest() {
    return (await this.rows('ORDER BY tree_size DESC LIMIT 1'))[0] ?? null;
  }
  list() {
    return this.rows('ORDER BY tree_size');
  }
  async bySize(treeSize: number) {
    return (await this.rows('WHERE tree_size = $1', [treeSize]))[0] ?? null;
  }
  async add(head: StoredTreeHead) {
    await this.table();
    const r = await this.store.pool.query(
      `INSERT INTO ${this.s}.tree_heads (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      values(head),
    );
    return r.rowCount === 1;
  }
}

/** The tree heads kept in the event store's own database (SQLite or PostgreSQL). */
export function treeHeadsOf(store: EventStore): TreeHeadStore {
  if (store instanceof SqliteEventStore) return new SqliteTreeHeads(store);
  if (store instanceof PostgresEventStore) return new PostgresTreeHeads(store);
  throw new TypeError('tree heads are kept by the SQLite and PostgreSQL event stores');
}
