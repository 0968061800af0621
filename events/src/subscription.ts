import type { Checkpoint, RecordedEvent } from './envelope';
import { START } from './envelope';
import type { Subscription } from './store';

export interface SubscriptionSource {
  readCommitted(after: Checkpoint, limit: number): Promise<RecordedEvent[]>;
  /**
   * Resolves when new events may be there, after `timeoutMs` at the latest, or at once when `signal`
   * aborts (the subscription closed); once resolved it has left no listener on `signal`
   * ({@link waitForWake} does all three).
   */
  waitForAppend(timeoutMs: number, signal: AbortSignal): Promise<void>;
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
  // Closing aborts the current wait. Not a race against a promise settled at close: every pass
  // would add a reaction to it, all kept until the subscription closes (months for a server).
  const closing = new AbortController();
  return {
    async close() {
      closing.abort();
    },
    async *[Symbol.asyncIterator]() {
      let cursor = from;
      // catching up (a full page came back), the next page is read while this one is handled
      let ahead: Promise<RecordedEvent[]> | null = null;
      while (!closing.signal.aborted) {
        const batch = await (ahead ?? source.readCommitted(cursor, batchSize));
        ahead = null;
        if (closing.signal.aborted) return;
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
        await source.waitForAppend(idlePollMs, closing.signal);
      }
    },
  };
}

/**
 * One wait of a {@link SubscriptionSource}: resolves when `listen` calls its wake, after `timeoutMs`,
 * or when `signal` aborts, whichever comes first, and then has cleared its timer and removed both
 * listeners (the one `listen` added, through the function it returns, and its own on `signal`).
 *
 * @example waitForAppend: (ms, signal) => waitForWake(ms, signal, (wake) => {
 *   emitter.once('append', wake);
 *   return () => emitter.off('append', wake);
 * })
 */
export function waitForWake(
  timeoutMs: number,
  signal: AbortSignal,
  listen: (wake: () => void) => () => void,
): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    let settled = false;
    let unlisten: (() => void) | null = null;
    const wake = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', wake);
      unlisten?.();
      resolve();
    };
    const timer = setTimeout(wake, timeoutMs);
    signal.addEventListener('abort', wake);
    unlisten = listen(wake);
    if (settled) unlisten();
  });
}
