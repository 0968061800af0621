import { createHash } from 'node:crypto';
import { configure } from 'safe-stable-stringify';
import type { RecordedEvent } from './envelope';

/** The previous hash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The envelope fields the hash covers; position and commit order are the sealer's concern. */
export type HashedFields = Omit<RecordedEvent, 'hash' | 'globalPosition' | 'transactionId'>;

/**
 * Sorted keys, throwing on anything that is not JSON (NaN, Infinity, BigInt, a cycle). Strings and
 * numbers are written by JSON.stringify, which is what RFC 8785 specifies; keys sort by UTF-16 code
 * unit, as RFC 8785 does. hash.unit.spec.ts checks it against the `canonicalize` reference
 * implementation; it is 1.7× faster on the tianmen year's events (12 vs 20 µs per envelope).
 */
const stable = configure({ deterministic: true, strict: true, circularValue: Error, bigint: false });

/** RFC 8785 canonical JSON: sorted keys, no whitespace, so the same envelope always hashes the same. */
export function canonicalJson(value: unknown): string {
  const text = stable(value);
  if (text === undefined) throw new TypeError('value cannot be canonicalized');
  return text;
}

/** The canonical texts of an event's bodies, when the caller already has them. */
export interface CanonicalBodies {
  data: string;
  metadata: string;
}

/**
 * The canonical JSON of an envelope, assembled around its bodies' canonical texts: the envelope's
 * keys are fixed, so their RFC 8785 order is written out (data, eventId, metadata, previousHash,
 * recordedAt, schemaVersion, streamId, streamVersion, type). An append canonicalizes its metadata
 * once for all its events, and the bulk path stores the very data text that was hashed.
 */
export function canonicalEnvelope(fields: HashedFields, bodies?: CanonicalBodies): string {
  const data = bodies?.data ?? canonicalJson(fields.data);
  const metadata = bodies?.metadata ?? canonicalJson(fields.metadata);
  const text = JSON.stringify;
  return `{"data":${data},"eventId":${text(fields.eventId)},"metadata":${metadata},"previousHash":${text(
    fields.previousHash,
  )},"recordedAt":${text(fields.recordedAt)},"schemaVersion":${canonicalJson(fields.schemaVersion)},"streamId":${text(
    fields.streamId,
  )},"streamVersion":${canonicalJson(fields.streamVersion)},"type":${text(fields.type)}}`;
}

/** `SHA-256(previous hash ‖ canonical JSON of the envelope)`, hex. */
export function hashEvent(fields: HashedFields, bodies?: CanonicalBodies): string {
  return createHash('sha256').update(fields.previousHash).update(canonicalEnvelope(fields, bodies)).digest('hex');
}
