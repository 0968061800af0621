import { randomUUID } from 'node:crypto';
import type { EventStore } from '@jixiao/events';
import { nextGoalEvent } from './goal-events';

export interface WriteLoad {
  /** Appends acknowledged so far. */
  readonly acknowledged: number;
  /** Appends that failed (e.g. while the database restarted). */
  readonly failed: number;
  /** Stops the writers and waits for their last append. */
  stop(): Promise<void>;
}

/**
 * `writers` concurrent writers, each appending goal events to its own `streams` streams
 * (so they never conflict) as fast as the store takes them, with a command id each.
 */
export function startWriteLoad(store: EventStore, writers = 4, streams = 10, pauseMs = 0): WriteLoad {
  let stopped = false;
  const state = { acknowledged: 0, failed: 0 };
  const writer = async (w: number) => {
    const run = randomUUID().slice(0, 8);
    const versions = new Array<number>(streams).fill(0);
    while (!stopped) {
      const s = Math.floor(Math.random() * streams);
      const goalId = `${run}-w${w}-s${s}`;
      try {
        const r = await store.appendToStream(`goal-${goalId}`, [nextGoalEvent(goalId, versions[s]!)], {
          expectedVersion: versions[s]!,
          commandId: randomUUID(),
          metadata: { actorId: 'load', role: 'BUDGET_UNIT' },
        });
        versions[s] = r.nextExpectedVersion;
        state.acknowledged++;
      } catch {
        state.failed++;
        await new Promise((r) => setTimeout(r, 100));
        // the append may have committed before the error reached us: re-read the head
        versions[s] = await store.readStream(`goal-${goalId}`).then(
          (events) => events.length,
          () => versions[s]!,
        );
      }
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
    }
  };
  const all = Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  return {
    get acknowledged() {
      return state.acknowledged;
    },
    get failed() {
      return state.failed;
    },
    async stop() {
      stopped = true;
      await all;
    },
  };
}
