import type { EntityManager } from '@mikro-orm/core';
import type { RecordedEvent } from '@jixiao/events';
import { isKeyed, loadStreamRecords, type Projection } from '@jixiao/projections';

export interface StreamVersionWaiterOptions {
  /** A fresh read-model session per check. */
  em: () => EntityManager;
  projections: readonly Projection[];
  /** Time between two reads of the read models; 15 ms by default. */
  pollMs?: number;
}

/**
 * Read-your-writes when projections run in other processes (distributed mode): a command's events
 * are visible once every projection that handles any of them holds their stream at a version at
 * least the highest of them it handles. Kafka keeps a stream's order but not a global one, so the
 * commit position (what embedded mode compares) says nothing here; the stream's record of the
 * last version applied does, written in the same transaction as the documents: a stream
 * projection's document itself, a keyed projection's row in `rm_projection_stream` (so a
 * document the event deleted, or one shared by many streams, never makes the wait time out).
 */
export function streamVersionWaiter(options: StreamVersionWaiterOptions) {
  const pollMs = options.pollMs ?? 15;
  const visible = async ({ projection, streamId, version }: Awaited) => {
    // a keyed projection's stream record, not a document: documents are shared, and may be deleted
    const seen = isKeyed(projection)
      ? (await loadStreamRecords(options.em(), projection.name, [streamId])).get(streamId)
      : (await projection.loadMany(options.em(), [streamId])).get(streamId);
    return !!seen && seen.lastVersion >= version;
  };
  return async (events: readonly RecordedEvent[], timeoutMs = 5000): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    let waiting = awaitedVersions(options.projections, events);
    for (;;) {
      const seen = await Promise.all(waiting.map(visible));
      waiting = waiting.filter((_, i) => !seen[i]);
      if (waiting.length === 0) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise((r) => setTimeout(r, Math.min(left, pollMs)));
    }
  };
}

interface Awaited {
  projection: Projection;
  streamId: string;
  version: number;
}

/** For each projection and stream, the highest version among the events it handles. */
export function awaitedVersions(projections: readonly Projection[], events: readonly RecordedEvent[]): Awaited[] {
  const awaited = new Map<string, Awaited>();
  for (const event of events) {
    for (const projection of projections) {
      if (!projection.handles.includes(event.type)) continue;
      const key = `${projection.name}\u0000${event.streamId}`;
      const known = awaited.get(key);
      if (!known || known.version < event.streamVersion)
        awaited.set(key, { projection, streamId: event.streamId, version: event.streamVersion });
    }
  }
  return [...awaited.values()];
}
