import type Database from 'better-sqlite3';
import {
  GENESIS_HASH,
  type AppendResult,
  type BatchAppend,
  type EventCatalog,
  type RecordedEvent,
} from '@jixiao/events';
import { chainEvents, checkExpectedVersion, validateAll } from './prepare';

type Head = { version: number; hash: string };

/**
 * The SQLite bulk path: every append of the batch in one IMMEDIATE transaction, statements
 * prepared once, stream heads kept in memory while the batch runs and written at the end.
 */
export function appendBatchSqlite(
  db: Database.Database,
  catalog: EventCatalog,
  appends: BatchAppend[],
): AppendResult[] {
  const validated = appends.map((a) => validateAll(catalog, a.events));
  const readHead = db.prepare('SELECT version, last_hash AS hash FROM event_streams WHERE stream_id = ?');
  const insert = db.prepare(
    `INSERT INTO events (transaction_id, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, previous_hash, hash, command_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const writeHead = db.prepare(
    `INSERT INTO event_streams (stream_id, version, last_hash) VALUES (?, ?, ?)
     ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash`,
  );
  return db
    .transaction(() => {
      const transactionId =
        (db.prepare('SELECT COALESCE(MAX(global_position), 0) AS p FROM events').get() as { p: number }).p + 1;
      const heads = new Map<string, Head>();
      const results = appends.map((a, n) => {
        const head = heads.get(a.streamId) ??
          (readHead.get(a.streamId) as Head | undefined) ?? {
            version: 0,
            hash: GENESIS_HASH,
          };
        checkExpectedVersion(a.streamId, a.expectedVersion, head.version);
        const prepared = chainEvents(a.streamId, validated[n]!, head, a.metadata, a.recordedAt ?? new Date());
        const events: RecordedEvent[] = prepared.map((e) => {
          const info = insert.run(
            transactionId,
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
          );
          return { ...e, globalPosition: Number(info.lastInsertRowid), transactionId };
        });
        const last = events[events.length - 1];
        if (last) heads.set(a.streamId, { version: last.streamVersion, hash: last.hash });
        return { nextExpectedVersion: last?.streamVersion ?? head.version, events, duplicate: false };
      });
      for (const [streamId, head] of heads) writeHead.run(streamId, head.version, head.hash);
      return results;
    })
    .immediate();
}
