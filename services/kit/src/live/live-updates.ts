import type { AppliedEvent, AppliedFeed } from './applied-feed';

/** Options of {@link liveUpdates}. */
export interface LiveUpdatesOptions<T> {
  feed: AppliedFeed;
  /** The projection whose batches matter, e.g. `planning.goals`. */
  projection: string;
  /** The events of a batch this subscriber cares about; an empty answer means no re-read. */
  select(events: readonly AppliedEvent[]): readonly AppliedEvent[];
  /**
   * Reads what the subscriber receives after relevant events (from the read model, which already
   * shows them): each value is sent in order, none sends nothing. Batches that arrive while a read
   * runs are merged into the next read.
   */
  read(events: readonly AppliedEvent[]): Promise<readonly T[]>;
  /** Told when `read` throws; the subscription then ends with that error. */
  onError?: (error: unknown) => void;
  /**
   * Runs once the feed is listening and before any batch is read (a snapshot the reads compare
   * with, say): batches arriving meanwhile wait for it, so none falls between snapshot and
   * listening. If it throws, the subscription is not made.
   */
  prepare?: () => Promise<void>;
}

/**
 * An async iterator for a GraphQL `subscribe` resolver: the values `read` gives after each relevant batch.
 * It is listening when the promise resolves, so a change made after that is never missed.
 * `return()` (the client unsubscribed, or the socket closed) removes the listener.
 *
 * @example subscribe: () => liveUpdates({ feed, projection: 'planning.goals', select, read })
 */
export async function liveUpdates<T>(options: LiveUpdatesOptions<T>): Promise<AsyncIterableIterator<T>> {
  let pending: AppliedEvent[] = [];
  const ready: T[] = [];
  let failure: unknown = null;
  let done = false;
  let reading = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  let preparing = options.prepare !== undefined;
  const drain = async () => {
    if (reading || preparing) return;
    reading = true;
    try {
      while (pending.length > 0 && !done) {
        const events = pending;
        pending = [];
        const values = await options.read(events);
        if (!done) ready.push(...values);
        notify();
      }
    } catch (error) {
      options.onError?.(error);
      failure = error;
      notify();
    } finally {
      reading = false;
    }
  };

  const unsubscribe = await options.feed.subscribe(options.projection, (events) => {
    const relevant = options.select(events);
    if (relevant.length === 0 || done) return;
    pending.push(...relevant);
    void drain();
  });

  if (options.prepare) {
    try {
      await options.prepare();
    } catch (error) {
      await unsubscribe();
      throw error;
    }
    preparing = false;
    void drain();
  }

  const finish = async (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      notify();
      await unsubscribe();
    }
    return { done: true, value: undefined };
  };

  const iterator: AsyncIterableIterator<T> = {
    async next() {
      for (;;) {
        if (ready.length > 0) return { done: false, value: ready.shift()! };
        if (failure) {
          const error = failure;
          await finish();
          throw error;
        }
        if (done) return { done: true, value: undefined };
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    return: finish,
    async throw(error?: unknown) {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
