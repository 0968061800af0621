import { randomUUID } from 'node:crypto';
import {
  canonicalJson,
  ConcurrencyError,
  hashEvent,
  type AppendOptions,
  type EventCatalog,
  type EventMetadata,
  type NewEvent,
  type RecordedEvent,
} from '@jixiao/events';

/** An event ready to insert: everything but its global position and commit-order key. */
export type PreparedEvent = Omit<RecordedEvent, 'globalPosition' | 'transactionId'>;

/** Validates against the catalog before any I/O, so a bad event never reaches the database. */
export function validateAll(catalog: EventCatalog, events: NewEvent[]) {
  return events.map((e) => catalog.validate(e));
}

/** Checks the expected version against the stream head; throws ConcurrencyError on a mismatch. */
export function checkExpectedVersion(
  streamId: string,
  expected: AppendOptions['expectedVersion'],
  actual: number,
): void {
  if (expected !== 'any' && expected !== actual) throw new ConcurrencyError(streamId, expected, actual);
}

/** An event chained, with the canonical JSON text of its data (what was hashed, and what the bulk path stores). */
export interface ChainedEvent {
  event: PreparedEvent;
  data: string;
}

/**
 * Gives each event its id, version, time and link in the stream's hash chain. The metadata is
 * canonicalized once for the append; `metadata` in the result is that text.
 */
export function chainWithBodies(
  streamId: string,
  validated: { type: string; schemaVersion: number; data: unknown }[],
  head: { version: number; hash: string },
  metadata: EventMetadata,
  recordedAt: Date,
): { events: ChainedEvent[]; metadata: string } {
  const meta = stripUndefined(metadata);
  const metadataText = canonicalJson(meta);
  const at = recordedAt.toISOString();
  let previousHash = head.hash;
  const events = validated.map((e, i): ChainedEvent => {
    const data = canonicalJson(e.data);
    const fields = {
      eventId: randomUUID(),
      streamId,
      streamVersion: head.version + i + 1,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: meta,
      recordedAt: at,
      previousHash,
    };
    const hash = hashEvent(fields, { data, metadata: metadataText });
    previousHash = hash;
    return { event: { ...fields, hash }, data };
  });
  return { events, metadata: metadataText };
}

/** {@link chainWithBodies} for callers that need only the events. */
export function chainEvents(...args: Parameters<typeof chainWithBodies>): PreparedEvent[] {
  return chainWithBodies(...args).events.map((c) => c.event);
}

function stripUndefined(metadata: EventMetadata): EventMetadata {
  return Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== undefined)) as EventMetadata;
}

/** An event row as SQLite returns it (PostgreSQL readers take arrays: `eventArrayColumns`). */
export interface EventRow {
  global_position: number;
  transaction_id: number;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: unknown;
  recorded_at: string;
  previous_hash: string;
  hash: string;
}

export function fromRow(row: EventRow): RecordedEvent {
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: row.global_position,
    transactionId: row.transaction_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: json(row.data),
    metadata: json(row.metadata) as EventMetadata,
    recordedAt: row.recorded_at,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

export const EVENT_COLUMNS =
  'global_position, transaction_id, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, previous_hash, hash';
