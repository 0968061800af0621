import type { Checkpoint, RecordedEvent } from './envelope';
import { START } from './envelope';
import type { Subscription } from './store';

export interface SubscriptionSource {
  readCommitted(after: Checkpoint, limit: number): Promise<RecordedEvent[]>;
  /** Resolves when new events may be there, or after `timeoutMs` at the latest. */
  waitForAppend(timeoutMs: number): Promise<void>;
}

/**
 * Catch-up then live, by paging `readCommitted` from a checkpoint. The source only
 * returns committed events in commit order, so paging from the last one seen never skips.
 */
export function pollingSubscription(
  source: SubscriptionSource,
  from: Checkpoint = START,
  batchSize = 500,
  idlePollMs = 250,
): Subscription {
  let closed = false;
  let wake: (() => void) | null = null;
  const closedSignal = new Promise<void>((resolve) => (wake = resolve));
  return {
    async close() {
      closed = true;
      wake?.();
    },
    async *[Symbol.asyncIterator]() {
      let cursor = from;
      while (!closed) {
        const batch = await source.readCommitted(cursor, batchSize);
        if (closed) return;
        if (batch.length > 0) {
          const last = batch[batch.length - 1]!;
          cursor = { transactionId: last.transactionId, globalPosition: last.globalPosition };
          yield batch;
          if (batch.length === batchSize) continue;
        }
        await Promise.race([source.waitForAppend(idlePollMs), closedSignal]);
      }
    },
  };
}
