import type { PoolClient } from 'pg';
import {
  ConcurrencyError,
  GENESIS_HASH,
  type AppendResult,
  type BatchAppend,
  type EventCatalog,
  type RecordedEvent,
} from '@jixiao/events';
import { copyField, copyLinesInto } from '@jixiao/projections';
import { chainWithBodies, checkExpectedVersion, validateAll, type PreparedEvent } from './prepare';

type Head = { version: number; hash: string };

/** One event as a line of `COPY … FROM STDIN` (text format): its position given, its bodies as canonical JSON. */
function copyLine(e: PreparedEvent, position: number, data: string, metadata: string): string {
  return `${position}\t${e.eventId}\t${copyField(e.streamId)}\t${e.streamVersion}\t${copyField(e.type)}\t${
    e.schemaVersion
  }\t${copyField(data)}\t${copyField(metadata)}\t${e.recordedAt}\t${e.previousHash}\t${e.hash}\n`;
}

/**
 * The PostgreSQL bulk path, inside the caller's transaction: lock the heads of every stream
 * named (in stream-id order, so two batches cannot deadlock), reserve one global position per
 * event from the table's own sequence, then stream the events in with COPY — each append is
 * chained (hashed) as the connection asks for more lines, so the hashing here overlaps
 * PostgreSQL's inserting — and move all heads with one statement. Measured on the tianmen
 * year: `INSERT … SELECT FROM json_to_recordset(…)` spent ~50 µs per event in the function
 * scan alone; COPY is bound by the index inserts.
 */
export async function appendBatchPostgres(
  client: PoolClient,
  s: string,
  catalog: EventCatalog,
  appends: BatchAppend[],
): Promise<AppendResult[]> {
  const validated = appends.map((a) => validateAll(catalog, a.events));
  const ids = [...new Set(appends.map((a) => a.streamId))].sort();
  const locked = await client.query<{ stream_id: string; version: number; hash: string }>(
    `SELECT stream_id, version, last_hash AS hash FROM ${s}.event_streams
     WHERE stream_id = ANY($1::text[]) ORDER BY stream_id FOR UPDATE`,
    [ids],
  );
  const heads = new Map<string, Head>(locked.rows.map((r) => [r.stream_id, { version: r.version, hash: r.hash }]));
  // every expected version is checked before anything is written
  const expected = new Map(heads);
  for (const [n, a] of appends.entries()) {
    const head = expected.get(a.streamId) ?? { version: 0, hash: GENESIS_HASH };
    checkExpectedVersion(a.streamId, a.expectedVersion, head.version);
    expected.set(a.streamId, { version: head.version + validated[n]!.length, hash: '' });
  }
  const total = validated.reduce((sum, events) => sum + events.length, 0);
  const reserved = await client.query<{ tx: string; positions: string[] }>(
    `SELECT pg_current_xact_id()::text AS tx, array(
       SELECT nextval(pg_get_serial_sequence('${s}.events', 'global_position')) AS p
       FROM generate_series(1, $1::int) ORDER BY p) AS positions`,
    [total],
  );
  const positions = reserved.rows[0]!.positions.map(Number);
  const transactionId = Number(reserved.rows[0]!.tx);

  const results: AppendResult[] = [];
  function* lines(): Generator<string> {
    let next = 0;
    for (const [n, a] of appends.entries()) {
      const head = heads.get(a.streamId) ?? { version: 0, hash: GENESIS_HASH };
      const chained = chainWithBodies(a.streamId, validated[n]!, head, a.metadata, a.recordedAt ?? new Date());
      const recorded: RecordedEvent[] = [];
      for (const { event, data } of chained.events) {
        const globalPosition = positions[next++]!;
        yield copyLine(event, globalPosition, data, chained.metadata);
        recorded.push({ ...event, globalPosition, transactionId });
      }
      const last = recorded[recorded.length - 1];
      if (last) heads.set(a.streamId, { version: last.streamVersion, hash: last.hash });
      results.push({ nextExpectedVersion: last?.streamVersion ?? head.version, events: recorded, duplicate: false });
    }
  }
  await copyLinesInto(
    client,
    `${s}.events (global_position, event_id, stream_id, stream_version, type, schema_version,
      data, metadata, recorded_at, previous_hash, hash)`,
    lines(),
  );
  const written = new Set(appends.filter((_, n) => validated[n]!.length > 0).map((a) => a.streamId));
  const moved = [...heads].filter(([id]) => written.has(id));
  await client.query(
    `INSERT INTO ${s}.event_streams (stream_id, version, last_hash)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
     ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash`,
    [moved.map(([id]) => id), moved.map(([, h]) => h.version), moved.map(([, h]) => h.hash)],
  );
  return results;
}

/** A unique violation on a stream's version or head: someone else appended to that stream first. */
export function batchConflict(error: unknown): ConcurrencyError | null {
  const e = error as { code?: string; constraint?: string; detail?: string };
  if (e.code !== '23505' || (e.constraint !== 'events_stream_version' && e.constraint !== 'event_streams_pkey')) {
    return null;
  }
  const streamId = /=\(([^,)]+)/.exec(e.detail ?? '')?.[1] ?? 'batch';
  return new ConcurrencyError(streamId, -1, null);
}
