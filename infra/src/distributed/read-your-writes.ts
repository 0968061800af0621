import type { EntityManager } from '@mikro-orm/core';
import type { RecordedEvent } from '@jixiao/events';
import type { Projection } from '@jixiao/projections';

export interface StreamVersionWaiterOptions {
  /** A fresh read-model session per check. */
  em: () => EntityManager;
  projections: readonly Projection[];
  /** Time between two reads of the read models; 15 ms by default. */
  pollMs?: number;
}

/**
 * Read-your-writes when projections run in other processes (distributed mode): an event is
 * visible once every projection that handles its type holds the event's stream at a version at
 * least the event's. Kafka keeps a stream's order but not a global one, so the commit position
 * (what embedded mode compares) says nothing here; each document's `lastVersion` does, and it
 * is written in the same transaction as the document's rows.
 */
export function streamVersionWaiter(options: StreamVersionWaiterOptions) {
  const pollMs = options.pollMs ?? 15;
  const visibleIn = async (projection: Projection, event: RecordedEvent) => {
    const doc = await projection.load(options.em(), event.streamId);
    return !!doc && doc.lastVersion >= event.streamVersion;
  };
  return async (event: RecordedEvent, timeoutMs = 5000): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    let waiting = options.projections.filter((p) => p.handles.includes(event.type));
    for (;;) {
      const seen = await Promise.all(waiting.map((p) => visibleIn(p, event)));
      waiting = waiting.filter((_, i) => !seen[i]);
      if (waiting.length === 0) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise((r) => setTimeout(r, Math.min(left, pollMs)));
    }
  };
}
