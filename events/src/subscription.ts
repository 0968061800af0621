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
      // catching up (a full page came back), the next page is read while this one is handled
      let ahead: Promise<RecordedEvent[]> | null = null;
      while (!closed) {
        const batch = await (ahead ?? source.readCommitted(cursor, batchSize));
        ahead = null;
        if (closed) return;
        if (batch.length > 0) {
          const last = batch[batch.length - 1]!;
          cursor = { transactionId: last.transactionId, globalPosition: last.globalPosition };
          if (batch.length === batchSize) {
            ahead = source.readCommitted(cursor, batchSize);
            // awaited on the next turn, where a failure surfaces; not unhandled if the consumer stops
            ahead.catch(() => undefined);
            yield batch;
            continue;
          }
          yield batch;
        }
        await Promise.race([source.waitForAppend(idlePollMs), closedSignal]);
      }
    },
  };
}
