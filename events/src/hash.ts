import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { RecordedEvent } from './envelope';

/** The previous hash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The envelope fields the hash covers; position and commit order are the sealer's concern. */
export type HashedFields = Omit<RecordedEvent, 'hash' | 'globalPosition' | 'transactionId'>;

/** RFC 8785 canonical JSON: sorted keys, no whitespace, so the same envelope always hashes the same. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value cannot be canonicalized');
  return text;
}

/** `SHA-256(previous hash ‖ canonical JSON of the envelope)`, hex. */
export function hashEvent(fields: HashedFields): string {
  const envelope: HashedFields = {
    eventId: fields.eventId,
    streamId: fields.streamId,
    streamVersion: fields.streamVersion,
    type: fields.type,
    schemaVersion: fields.schemaVersion,
    data: fields.data,
    metadata: fields.metadata,
    recordedAt: fields.recordedAt,
    previousHash: fields.previousHash,
  };
  return createHash('sha256').update(fields.previousHash).update(canonicalJson(envelope)).digest('hex');
}
