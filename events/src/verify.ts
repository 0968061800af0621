import { GENESIS_HASH, hashEvent } from './hash';
import type { RecordedEvent } from './envelope';
import type { VerifyResult } from './store';

/**
 * Walks a stream's hash chain and names the first broken event. `head` is what the
 * store recorded as the stream's last version and hash, so a deleted tail is caught too.
 */
export function verifyChain(
  streamId: string,
  events: readonly RecordedEvent[],
  head: { version: number; hash: string } | null,
): VerifyResult {
  let previousHash = GENESIS_HASH;
  let expectedVersion = 1;
  for (const event of events) {
    const broken = (reason: Exclude<VerifyResult, { ok: true }>['reason'], version = event.streamVersion) =>
      ({ ok: false, streamId, brokenAtVersion: version, eventId: event.eventId, reason }) as const;
    if (event.streamVersion !== expectedVersion) return broken('VERSION_GAP', expectedVersion);
    if (event.previousHash !== previousHash) return broken('PREVIOUS_HASH_MISMATCH');
    if (hashEvent(event) !== event.hash) return broken('HASH_MISMATCH');
    previousHash = event.hash;
    expectedVersion++;
  }
  const lastVersion = expectedVersion - 1;
  if (head && (head.version !== lastVersion || head.hash !== previousHash)) {
    return { ok: false, streamId, brokenAtVersion: lastVersion + 1, eventId: null, reason: 'HEAD_MISMATCH' };
  }
  return { ok: true, streamId, eventCount: lastVersion, lastHash: previousHash };
}
