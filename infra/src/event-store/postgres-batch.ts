import type { PoolClient } from 'pg';
import {
  ConcurrencyError,
  GENESIS_HASH,
  type AppendResult,
  type BatchAppend,
  type EventCatalog,
  type RecordedEvent,
} from '@jixiao/events';
import { eventRowOf } from './postgres-append';
import { chainEvents, checkExpectedVersion, validateAll, type PreparedEvent } from './prepare';

type Head = { version: number; hash: string };

/**
 * The rows of one \`INSERT … SELECT FROM jsonb_to_recordset(…)\` as one JSON text: one parameter
 * whatever the batch size, parsed by PostgreSQL in C (ten array literals escaped by node-postgres,
 * element by element, cost more than the statement).
 */
function rowsOf(events: PreparedEvent[]): string {
  return JSON.stringify(events.map((e, ord) => ({ ord, stream_id: e.streamId, ...eventRowOf(e) })));
}

/**
 * The PostgreSQL bulk path, inside the caller's transaction: lock the heads of every stream
 * named (in stream-id order, so two batches cannot deadlock), chain in memory, insert all
 * events with one statement and move all heads with another.
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
  const prepared = appends.map((a, n) => {
    const head = heads.get(a.streamId) ?? { version: 0, hash: GENESIS_HASH };
    checkExpectedVersion(a.streamId, a.expectedVersion, head.version);
    const events = chainEvents(a.streamId, validated[n]!, head, a.metadata, a.recordedAt ?? new Date());
    const last = events[events.length - 1];
    if (last) heads.set(a.streamId, { version: last.streamVersion, hash: last.hash });
    return { head, events };
  });
  const all = prepared.flatMap((p) => p.events);
  const inserted = await client.query<{ event_id: string; global_position: string; transaction_id: string }>(
    `INSERT INTO ${s}.events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, previous_hash, hash)
     SELECT e.event_id, e.stream_id, e.stream_version, e.type, e.schema_version, e.data, e.metadata, e.recorded_at, e.previous_hash, e.hash
     FROM jsonb_to_recordset($1::jsonb) AS e(ord int, event_id uuid, stream_id text, stream_version int, type text,
          schema_version int, data jsonb, metadata jsonb, recorded_at timestamptz, previous_hash text, hash text)
     ORDER BY e.ord
     RETURNING event_id, global_position, transaction_id::text AS transaction_id`,
    [rowsOf(all)],
  );
  const placed = new Map(inserted.rows.map((r) => [r.event_id, r]));
  const written = new Set(all.map((e) => e.streamId));
  const moved = [...heads].filter(([id]) => written.has(id));
  await client.query(
    `INSERT INTO ${s}.event_streams (stream_id, version, last_hash)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
     ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash`,
    [moved.map(([id]) => id), moved.map(([, h]) => h.version), moved.map(([, h]) => h.hash)],
  );
  return prepared.map(({ head, events }) => {
    const recorded: RecordedEvent[] = events.map((e) => {
      const row = placed.get(e.eventId)!;
      return { ...e, globalPosition: Number(row.global_position), transactionId: Number(row.transaction_id) };
    });
    return {
      nextExpectedVersion: recorded[recorded.length - 1]?.streamVersion ?? head.version,
      events: recorded,
      duplicate: false,
    };
  });
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
