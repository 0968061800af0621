/** One event a projection has just applied: enough to know what changed, never the data itself. */
export interface AppliedEvent {
  streamId: string;
  streamVersion: number;
  type: string;
}

/** Told of each batch a projection applied, after its transaction committed. */
export type AppliedListener = (events: readonly AppliedEvent[]) => void;

/**
 * 读模型更新通知 — "projection P applied these events". Live GraphQL subscriptions listen to it
 * and then read the read model, which already shows the change. Notifications are a hint, not
 * the truth: one may be lost (a Redis reconnect), so a subscriber re-reads state, never folds it.
 */
export interface AppliedFeed {
  /** Calls `listener` for every batch `projection` applies from now on; resolves to an unsubscribe. */
  subscribe(projection: string, listener: AppliedListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Hands a batch to each listener of a projection; a throwing listener does not stop the others. */
export function deliver(
  listeners: Iterable<AppliedListener> | undefined,
  projection: string,
  events: readonly AppliedEvent[],
): void {
  if (!listeners || events.length === 0) return;
  for (const listener of [...listeners]) {
    try {
      listener(events);
    } catch (error) {
      console.error(`applied-feed listener of ${projection} failed`, error);
    }
  }
}

/**
 * The embedded mode's feed: the projection runner publishes each applied batch in process.
 *
 * @example const feed = new InProcessAppliedFeed(); new ProjectionRunner({ ..., onApplied: feed.publish });
 */
export class InProcessAppliedFeed implements AppliedFeed {
  private readonly listeners = new Map<string, Set<AppliedListener>>();

  /** Delivers a batch to the projection's listeners; a throwing listener does not stop the others. */
  readonly publish = (projection: string, events: readonly AppliedEvent[]): void =>
    deliver(this.listeners.get(projection), projection, events);

  async subscribe(projection: string, listener: AppliedListener): Promise<() => Promise<void>> {
    const set = this.listeners.get(projection) ?? new Set();
    set.add(listener);
    this.listeners.set(projection, set);
    return async () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(projection) === set) this.listeners.delete(projection);
    };
  }

  /** Listeners currently subscribed to `projection` (tests check that subscriptions clean up). */
  listenerCount(projection: string): number {
    return this.listeners.get(projection)?.size ?? 0;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
