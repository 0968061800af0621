import { getEventListeners } from 'node:events';
import type { RecordedEvent } from './envelope';
import { pollingSubscription, waitForWake, type SubscriptionSource } from './subscription';
import { heapAfterGc } from './testing/heap';

/**
 * An empty log. Its first `quick` waits end at once (thousands of idle polls take milliseconds, with
 * `onWait` told of each, inside the wait); later ones on the next turn, so a test gets to run.
 */
function emptyLog(quick: number, onWait: (polls: number) => void): SubscriptionSource {
  let polls = 0;
  return {
    readCommitted: async () => [],
    waitForAppend: async () => {
      onWait(++polls);
      if (polls > quick) await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** Reads a subscription in the background until it ends; the batches it got. */
function drain(subscription: AsyncIterable<RecordedEvent[]>): Promise<RecordedEvent[][]> {
  return (async () => {
    const batches: RecordedEvent[][] = [];
    for await (const batch of subscription) batches.push(batch);
    return batches;
  })();
}

describe('pollingSubscription, idle', () => {
  it('holds no memory per poll: the heap after 20,000 more idle polls is what it was', async () => {
    const heap: number[] = [];
    let reached!: () => void;
    const done = new Promise<void>((resolve) => (reached = resolve));
    const polls = 21_000;
    const subscription = pollingSubscription(
      emptyLog(polls, (n) => {
        // measured inside the wait, at the same point of the loop each time
        if (n === 1_000 || n === polls) heap.push(heapAfterGc());
        if (n === polls) reached();
      }),
    );
    const reading = drain(subscription);
    await done;
    await subscription.close();
    expect(await reading).toEqual([]);
    // racing each wait against a promise settled at close kept ~450 bytes a poll: ~9 MB here
    expect(heap[1]! - heap[0]!).toBeLessThan(1_000_000);
  });

  it('hands every wait the signal that close() aborts, so an hour-long wait ends at once', async () => {
    const signals = new Set<AbortSignal>();
    const subscription = pollingSubscription(
      {
        readCommitted: async () => [],
        waitForAppend: (_timeoutMs, signal) => {
          signals.add(signal);
          return waitForWake(3_600_000, signal, () => () => undefined);
        },
      },
      undefined,
      500,
      3_600_000,
    );
    const reading = drain(subscription);
    await new Promise((resolve) => setImmediate(resolve));
    expect(signals.size).toBe(1);
    await subscription.close();
    expect(await reading).toEqual([]);
    const [signal] = [...signals];
    expect(signal!.aborted).toBe(true);
  });
});

describe('waitForWake', () => {
  it('resolves on the wake and leaves no listener behind, however many waits share one signal', async () => {
    const signal = new AbortController().signal;
    const listeners = new Set<() => void>();
    for (let i = 0; i < 100; i++) {
      const waiting = waitForWake(3_600_000, signal, (wake) => {
        listeners.add(wake);
        return () => listeners.delete(wake);
      });
      for (const wake of [...listeners]) wake();
      await waiting;
    }
    expect(listeners.size).toBe(0);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('resolves when the signal aborts, and at once when it already has', async () => {
    const controller = new AbortController();
    const listeners = new Set<() => void>();
    const waiting = waitForWake(3_600_000, controller.signal, (wake) => {
      listeners.add(wake);
      return () => listeners.delete(wake);
    });
    controller.abort();
    await waiting;
    expect(listeners.size).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await waitForWake(3_600_000, controller.signal, () => {
      throw new Error('an aborted wait listens to nothing');
    });
  });

  it('resolves after its timeout when nothing wakes it', async () => {
    const signal = new AbortController().signal;
    let listening = 0;
    await waitForWake(5, signal, () => {
      listening++;
      return () => listening--;
    });
    expect(listening).toBe(0);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });
});
