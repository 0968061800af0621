import Redis from 'ioredis';
import { deliver, type AppliedEvent, type AppliedFeed, type AppliedListener } from './applied-feed';

/** Channel names: `<prefix>.applied.<projection>`; `jixiao` unless told. */
export const appliedChannel = (projection: string, prefix = 'jixiao') => `${prefix}.applied.${projection}`;

/** At most this many events per message, so no Redis message grows with a large batch. */
const EVENTS_PER_MESSAGE = 200;

/** `[streamId, streamVersion, type]` triples: no event data, nothing Redis must keep. */
type Wire = [string, number, string][];

/** A message body for `events` (exported for the tests). */
export const encodeApplied = (events: readonly AppliedEvent[]): string =>
  JSON.stringify(events.map((e) => [e.streamId, e.streamVersion, e.type]) satisfies Wire);

/** The events of a message body; a malformed message yields none. */
export function decodeApplied(message: string): AppliedEvent[] {
  try {
    const wire = JSON.parse(message) as unknown;
    if (!Array.isArray(wire)) return [];
    return wire.flatMap((item: unknown) =>
      Array.isArray(item) && typeof item[0] === 'string' && typeof item[1] === 'number' && typeof item[2] === 'string'
        ? [{ streamId: item[0], streamVersion: item[1], type: item[2] }]
        : [],
    );
  } catch {
    return [];
  }
}

/**
 * Publishes that `projection` applied `events` (Redis PUBLISH: nothing is stored; a subscriber
 * that is not connected misses it). A projection worker calls it after its read-model
 * transaction and its Kafka offsets are committed.
 *
 * @example await publishApplied(redis, 'planning.goals', events.map(({ streamId, streamVersion, type }) => ({ streamId, streamVersion, type })))
 */
export async function publishApplied(
  redis: Pick<Redis, 'publish'>,
  projection: string,
  events: readonly AppliedEvent[],
  options: { channelPrefix?: string } = {},
): Promise<void> {
  const channel = appliedChannel(projection, options.channelPrefix);
  for (let i = 0; i < events.length; i += EVENTS_PER_MESSAGE) {
    await redis.publish(channel, encodeApplied(events.slice(i, i + EVENTS_PER_MESSAGE)));
  }
}

/** Options of {@link redisAppliedFeed}. */
export interface RedisAppliedFeedOptions {
  /** Channel prefix; the publisher must use the same. `jixiao` by default. */
  channelPrefix?: string;
  /** Told of a connection error (ioredis reconnects by itself); the default logs a warning. */
  onError?: (error: Error) => void;
}

/**
 * The distributed mode's feed: one Redis connection in subscriber mode per process, a channel
 * per projection subscribed while some listener wants it. ioredis re-subscribes after a reconnect;
 * notifications published meanwhile are lost, which subscribers tolerate (they re-read state).
 *
 * @example const feed = redisAppliedFeed(process.env.JIXIAO_REDIS_URL!); // pass as ServiceDeps.applied
 */
export function redisAppliedFeed(redisUrl: string, options: RedisAppliedFeedOptions = {}): AppliedFeed {
  const subscriber = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: null });
  const listeners = new Map<string, Set<AppliedListener>>();
  const channelOf = (projection: string) => appliedChannel(projection, options.channelPrefix);
  const byChannel = new Map<string, string>();
  const confirmed = new Map<string, Promise<unknown>>();
  let connecting: Promise<void> | null = null;
  subscriber.on('error', options.onError ?? ((error: Error) => console.warn(`redis applied feed: ${error.message}`)));
  subscriber.on('message', (channel: string, message: string) => {
    const projection = byChannel.get(channel);
    if (projection) deliver(listeners.get(projection), projection, decodeApplied(message));
  });
  // ioredis reconnects by itself after a lost or failed connection: wait for it (5 s at most)
  // rather than start a second connection; only a client never connected is told to connect
  const connected = async (): Promise<void> => {
    if (subscriber.status === 'ready') return;
    if (subscriber.status === 'wait') {
      connecting ??= subscriber.connect().finally(() => (connecting = null));
      return connecting;
    }
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        subscriber.off('ready', done);
        resolve();
      };
      const timer = setTimeout(() => {
        subscriber.off('ready', done);
        reject(new Error(`Redis 未就绪，无法订阅 (Redis not reachable: ${subscriber.status})`));
      }, 5000);
      subscriber.once('ready', done);
    });
  };
  /** Forgets a projection's channel once its last listener left (or its subscription failed). */
  const release = async (projection: string, set: Set<AppliedListener>) => {
    if (set.size > 0 || listeners.get(projection) !== set) return;
    listeners.delete(projection);
    confirmed.delete(projection);
    byChannel.delete(channelOf(projection));
    if (subscriber.status === 'ready') await subscriber.unsubscribe(channelOf(projection)).catch(() => undefined);
  };

  return {
    async subscribe(projection, listener) {
      await connected();
      let set = listeners.get(projection);
      if (!set) {
        set = new Set();
        listeners.set(projection, set);
        byChannel.set(channelOf(projection), projection);
        confirmed.set(projection, subscriber.subscribe(channelOf(projection)));
      }
      set.add(listener);
      const mine = set;
      // listening only once Redis confirmed the channel: a change published after this is delivered
      try {
        await confirmed.get(projection);
      } catch (error) {
        mine.delete(listener);
        await release(projection, mine);
        throw error;
      }
      return async () => {
        mine.delete(listener);
        await release(projection, mine);
      };
    },
    async close() {
      listeners.clear();
      // quit when connected; otherwise stop the reconnection attempts
      if (subscriber.status === 'ready') await subscriber.quit().catch(() => subscriber.disconnect());
      else subscriber.disconnect();
    },
  };
}
