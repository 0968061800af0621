import { EventEmitter } from 'node:events';
import Database from 'better-sqlite3';
import {
  GENESIS_HASH,
  pollingSubscription,
  repeatOf,
  verifyChain,
  type AppendOptions,
  type AppendResult,
  type BatchAppend,
  type Checkpoint,
  type EventCatalog,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedCommand,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type VerifyResult,
  waitForWake,
} from '@jixiao/events';
import { appendBatchSqlite } from './sqlite-batch';
import { chainEvents, checkExpectedVersion, EVENT_COLUMNS, fromRow, validateAll, type EventRow } from './prepare';

export const SQLITE_EVENT_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY AUTOINCREMENT,
  transaction_id INTEGER NOT NULL,
  event_id TEXT NOT NULL UNIQUE,
  stream_id TEXT NOT NULL,
  stream_version INTEGER NOT NULL,
  type TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  command_id TEXT,
  UNIQUE (stream_id, stream_version)
);
CREATE INDEX IF NOT EXISTS events_type ON events (type);
CREATE TABLE IF NOT EXISTS event_streams (
  stream_id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  last_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_commands (
  command_id TEXT PRIMARY KEY,
  stream_id TEXT NOT NULL,
  from_version INTEGER NOT NULL,
  to_version INTEGER NOT NULL,
  command_type TEXT
);
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END;
CREATE TRIGGER IF NOT EXISTS event_streams_forward_only BEFORE UPDATE ON event_streams
  WHEN NEW.version <= OLD.version
  BEGIN SELECT RAISE(ABORT, 'stream heads only move forward (append-only)'); END;
CREATE TRIGGER IF NOT EXISTS event_streams_no_delete BEFORE DELETE ON event_streams
  BEGIN SELECT RAISE(ABORT, 'stream heads are append-only: DELETE refused'); END;
`;

/**
 * A file made before command types were recorded gains the column; its commands keep a NULL type
 * (checked by stream only). The events themselves are never touched.
 */
function migrateEventCommands(db: Database.Database): void {
  const hasType = () =>
    (db.prepare('PRAGMA table_info(event_commands)').all() as { name: string }[]).some(
      (c) => c.name === 'command_type',
    );
  if (hasType()) return;
  try {
    db.exec('ALTER TABLE event_commands ADD COLUMN command_type TEXT');
  } catch (error) {
    if (!hasType()) throw error; // another process opening the same file added it first
  }
}

/** Wakes subscribers of the same file in this process as soon as an append commits. */
const appendSignals = new Map<string, EventEmitter>();
function signalFor(file: string): EventEmitter {
  let signal = appendSignals.get(file);
  if (!signal) {
    signal = new EventEmitter().setMaxListeners(0);
    appendSignals.set(file, signal);
  }
  return signal;
}

export interface SqliteEventStoreOptions {
  /** Path of the SQLite file (the read models may share it). */
  file: string;
  catalog: EventCatalog;
}

/** How long an append waits for another connection's write lock before it gives up with SQLITE_BUSY. */
export const SQLITE_WRITE_WAIT_MS = 5000;

const isBusy = (error: unknown) => /^SQLITE_BUSY/.test((error as { code?: unknown }).code as string);

/**
 * Runs a write transaction of the event store; while another connection holds the file's write lock,
 * waits for it without blocking and tries again, up to `SQLITE_WRITE_WAIT_MS`. SQLite's own busy
 * timeout waits synchronously: when the holder is this process's read models (a projection's
 * transaction, awaiting between its statements on the same file), that wait blocks the very event
 * loop the holder needs to commit, and the append failed after the timeout (a reaction's commands
 * arriving while the projections applied the command before them).
 */
export async function writeWhenFree<T>(write: () => T, waitMs = SQLITE_WRITE_WAIT_MS): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** The embedded event store: one SQLite file, WAL mode, a single writer, so positions have no gaps. */
export class SqliteEventStore implements EventStore {
  readonly db: Database.Database;
  private readonly signal: EventEmitter;

  constructor(private readonly options: SqliteEventStoreOptions) {
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SQLITE_EVENT_SCHEMA);
    migrateEventCommands(this.db);
    // from here appends wait for the write lock without blocking (writeWhenFree): SQLite's wait would block the event loop
    this.db.pragma('busy_timeout = 0');
    this.signal = signalFor(options.file);
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const validated = validateAll(this.options.catalog, events);
    const result = await writeWhenFree(() =>
      this.db
        .transaction(() => {
          const earlier = options.commandId ? this.findCommandSync(options.commandId) : null;
          if (earlier) return repeatOf(earlier, options.commandId!, streamId, options.commandType);
          const head = (this.db
            .prepare('SELECT version, last_hash AS hash FROM event_streams WHERE stream_id = ?')
            .get(streamId) as { version: number; hash: string } | undefined) ?? { version: 0, hash: GENESIS_HASH };
          checkExpectedVersion(streamId, options.expectedVersion, head.version);
          if (validated.length === 0) return { nextExpectedVersion: head.version, events: [], duplicate: false };
          const prepared = chainEvents(streamId, validated, head, options.metadata, options.recordedAt ?? new Date());
          const maxPosition = (
            this.db.prepare('SELECT COALESCE(MAX(global_position), 0) AS p FROM events').get() as { p: number }
          ).p;
          const insert = this.db.prepare(
            `INSERT INTO events (transaction_id, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, previous_hash, hash, command_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          );
          const recorded: RecordedEvent[] = prepared.map((e) => {
            const info = insert.run(
              maxPosition + 1,
              e.eventId,
              e.streamId,
              e.streamVersion,
              e.type,
              e.schemaVersion,
              JSON.stringify(e.data),
              JSON.stringify(e.metadata),
              e.recordedAt,
              e.previousHash,
              e.hash,
              options.commandId ?? null,
            );
            return { ...e, globalPosition: Number(info.lastInsertRowid), transactionId: maxPosition + 1 };
          });
          const last = recorded[recorded.length - 1]!;
          this.db
            .prepare(
              `INSERT INTO event_streams (stream_id, version, last_hash) VALUES (?, ?, ?)
           ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash`,
            )
            .run(streamId, last.streamVersion, last.hash);
          if (options.commandId) {
            this.db
              .prepare(
                'INSERT INTO event_commands (command_id, stream_id, from_version, to_version, command_type) VALUES (?, ?, ?, ?, ?)',
              )
              .run(options.commandId, streamId, head.version + 1, last.streamVersion, options.commandType ?? null);
          }
          return { nextExpectedVersion: last.streamVersion, events: recorded, duplicate: false };
        })
        .immediate(),
    );
    if (!result.duplicate && result.events.length > 0) this.signal.emit('append');
    return result;
  }

  async appendBatch(appends: BatchAppend[]): Promise<AppendResult[]> {
    const results = await writeWhenFree(() => appendBatchSqlite(this.db, this.options.catalog, appends));
    if (results.some((r) => r.events.length > 0)) this.signal.emit('append');
    return results;
  }

  async findCommand(commandId: string): Promise<RecordedCommand | null> {
    return this.findCommandSync(commandId);
  }

  private findCommandSync(commandId: string): RecordedCommand | null {
    const seen = this.db
      .prepare('SELECT stream_id, from_version, to_version, command_type FROM event_commands WHERE command_id = ?')
      .get(commandId) as
      { stream_id: string; from_version: number; to_version: number; command_type: string | null } | undefined;
    if (!seen) return null;
    const events = this.readStreamSync(seen.stream_id, seen.from_version, seen.to_version);
    const { stream_id: streamId, command_type: commandType } = seen;
    return { nextExpectedVersion: seen.to_version, events, duplicate: true, streamId, commandType };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.readStreamSync(streamId, options.fromVersion ?? 1, options.toVersion ?? Number.MAX_SAFE_INTEGER);
  }

  private readStreamSync(streamId: string, from: number, to: number): RecordedEvent[] {
    const rows = this.db
      .prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_version BETWEEN ? AND ? ORDER BY stream_version`,
      )
      .all(streamId, from, to) as EventRow[];
    return rows.map(fromRow);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const rows = this.db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position >= ? ORDER BY global_position LIMIT ?`)
      .all(options.fromPosition ?? 1, options.limit ?? -1) as EventRow[];
    return rows.map(fromRow);
  }

  /**
   * With one writer, an append's transaction id is its first position, so commit order is position
   * order and "after (transaction, position)" is "after position": a range of the primary key. (The
   * same question asked with the transaction id scanned and sorted the whole table on every poll.)
   */
  async readCommitted(after: Checkpoint, limit: number): Promise<RecordedEvent[]> {
    const rows = this.db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`)
      .all(after.globalPosition, limit) as EventRow[];
    return rows.map(fromRow);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    return pollingSubscription(
      {
        readCommitted: (after, limit) => this.readCommitted(after, limit),
        waitForAppend: (timeoutMs, signal) =>
          waitForWake(timeoutMs, signal, (wake) => {
            this.signal.once('append', wake);
            return () => this.signal.off('append', wake);
          }),
      },
      options.from,
      options.batchSize,
    );
  }

  async verifyStream(streamId: string): Promise<VerifyResult> {
    const events = await this.readStream(streamId);
    const head = this.db
      .prepare('SELECT version, last_hash AS hash FROM event_streams WHERE stream_id = ?')
      .get(streamId) as { version: number; hash: string } | undefined;
    return verifyChain(streamId, events, head ?? null);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
