import { GENESIS_HASH, hashEvent } from './hash';
import type { RecordedEvent } from './envelope';
import type { VerifyResult } from './store';

/** Where and why a stream's chain breaks. */
export type BrokenChain = Exclude<VerifyResult, { ok: true }>;

/** A stream's last version and hash, as the store's head records them or as a walk reached them. */
export interface ChainHead {
  version: number;
  hash: string;
}

const START_OF_CHAIN: ChainHead = { version: 0, hash: GENESIS_HASH };

/**
 * Checks the hash chains of many streams at once, one event at a time in each stream's order
 * (events of different streams may interleave, as in the log's commit order): version after
 * version, each `previousHash` the hash before it, each hash recomputed. A stream's first break
 * is kept; its later events are not checked. `close` compares what was walked with the heads
 * the store recorded, which catches a deleted tail whose head was left in place.
 */
export class ChainWalk {
  private readonly reached = new Map<string, ChainHead>();
  private readonly broken = new Map<string, BrokenChain>();

  /** Checks the next event of its stream. */
  add(event: RecordedEvent): void {
    const { streamId } = event;
    if (this.broken.has(streamId)) return;
    const last = this.reached.get(streamId) ?? START_OF_CHAIN;
    const breaks = (reason: BrokenChain['reason'], version = event.streamVersion) =>
      this.broken.set(streamId, { ok: false, streamId, brokenAtVersion: version, eventId: event.eventId, reason });
    if (event.streamVersion !== last.version + 1) return void breaks('VERSION_GAP', last.version + 1);
    if (event.previousHash !== last.hash) return void breaks('PREVIOUS_HASH_MISMATCH');
    if (hashEvent(event) !== event.hash) return void breaks('HASH_MISMATCH');
    this.reached.set(streamId, { version: event.streamVersion, hash: event.hash });
  }

  /** Where an unbroken stream's walk has got to (version 0 when none of its events was seen). */
  reachedIn(streamId: string): ChainHead {
    return this.reached.get(streamId) ?? START_OF_CHAIN;
  }

  /** Fails the stream when its recorded head is not where the walk ended. */
  closeAgainst(streamId: string, head: ChainHead | null): void {
    if (!head || this.broken.has(streamId)) return;
    const last = this.reachedIn(streamId);
    if (head.version === last.version && head.hash === last.hash) return;
    this.broken.set(streamId, {
      ok: false,
      streamId,
      brokenAtVersion: last.version + 1,
      eventId: null,
      reason: 'HEAD_MISMATCH',
    });
  }

  isBroken(streamId: string): boolean {
    return this.broken.has(streamId);
  }

  /** Streams walked or closed so far. */
  streams(): string[] {
    return [...new Set([...this.reached.keys(), ...this.broken.keys()])];
  }

  /** Every broken stream so far, by stream id. */
  breaks(): BrokenChain[] {
    return [...this.broken.values()].sort((a, b) => a.streamId.localeCompare(b.streamId));
  }
}

/**
 * Walks a stream's hash chain and names the first broken event. `head` is what the
 * store recorded as the stream's last version and hash, so a deleted tail is caught too.
 */
export function verifyChain(streamId: string, events: readonly RecordedEvent[], head: ChainHead | null): VerifyResult {
  const walk = new ChainWalk();
  for (const event of events) walk.add(event);
  walk.closeAgainst(streamId, head);
  const broken = walk.breaks()[0];
  if (broken) return broken;
  const { version, hash } = walk.reachedIn(streamId);
  return { ok: true, streamId, eventCount: version, lastHash: hash };
}
