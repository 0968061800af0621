import { randomUUID } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import Redis from 'ioredis';
import type { AppliedEvent } from './applied-feed';
import { liveUpdates } from './live-updates';
import { appliedChannel, publishApplied, redisAppliedFeed } from './redis-feed';

const REDIS_URL = process.env['JIXIAO_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const event = (n: number, streamId = 'goal-g1'): AppliedEvent => ({
  streamId,
  streamVersion: n,
  type: 'GoalSubmitted',
});

/** A listener that records its batches; `arrived()` waits until `count` events came (5 s at most). */
function collect(count: number) {
  const batches: AppliedEvent[][] = [];
  let wake: (() => void) | null = null;
  const listener = (events: readonly AppliedEvent[]) => {
    batches.push([...events]);
    if (batches.flat().length >= count) wake?.();
  };
  const arrived = () =>
    new Promise<void>((resolve, reject) => {
      if (batches.flat().length >= count) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`only ${batches.flat().length} of ${count} events within 5 s`)),
        5000,
      );
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  return { batches, listener, arrived };
}

describe('the Redis applied feed, against the real Redis', () => {
  // each run has its own channels, so parallel runs on one Redis never hear each other
  const prefix = `jixiao-test-${randomUUID()}`;
  let publisher: Redis;
  beforeAll(() => {
    publisher = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
  });
  afterAll(async () => {
    await publisher.quit();
  });

  it('delivers what a projection worker publishes to every subscriber of that projection, and only to them', async () => {
    const feedA = redisAppliedFeed(REDIS_URL, { channelPrefix: prefix });
    const feedB = redisAppliedFeed(REDIS_URL, { channelPrefix: prefix });
    try {
      const goalsA = collect(2);
      const goalsB = collect(2);
      const other = collect(1);
      await feedA.subscribe('planning.goals', goalsA.listener);
      await feedB.subscribe('planning.goals', goalsB.listener);
      await feedA.subscribe('planning.projects', other.listener);

      await publishApplied(publisher, 'planning.goals', [event(1), event(2)], { channelPrefix: prefix });
      await Promise.all([goalsA.arrived(), goalsB.arrived()]);
      expect(goalsA.batches).toEqual([[event(1), event(2)]]);
      expect(goalsB.batches).toEqual([[event(1), event(2)]]);
      expect(other.batches).toEqual([]);
    } finally {
      await feedA.close();
      await feedB.close();
    }
  });

  it('keeps every message small: a large batch travels as several messages of stream ids, versions and types', async () => {
    const feed = redisAppliedFeed(REDIS_URL, { channelPrefix: prefix });
    const sizes: number[] = [];
    const spy = new Redis(REDIS_URL);
    try {
      await spy.subscribe(appliedChannel('planning.goals', prefix));
      spy.on('message', (_channel: string, message: string) => sizes.push(Buffer.byteLength(message)));
      const events = Array.from({ length: 450 }, (_, i) => event(i + 1, `goal-${randomUUID()}`));
      const got = collect(450);
      await feed.subscribe('planning.goals', got.listener);

      await publishApplied(publisher, 'planning.goals', events, { channelPrefix: prefix });
      await got.arrived();
      expect(got.batches.flat()).toEqual(events);
      expect(got.batches.map((b) => b.length)).toEqual([200, 200, 50]);
      expect(Math.max(...sizes)).toBeLessThan(16 * 1024);
      // pub/sub stores nothing: the channel leaves no key behind
      expect(await publisher.keys(`${prefix}*`)).toEqual([]);
    } finally {
      await spy.quit();
      await feed.close();
    }
  });

  it('stops delivering to a listener that unsubscribed, and drops the channel when none is left', async () => {
    const feed = redisAppliedFeed(REDIS_URL, { channelPrefix: prefix });
    try {
      const kept = collect(1);
      const dropped = collect(1);
      await feed.subscribe('planning.goals', kept.listener);
      const unsubscribe = await feed.subscribe('planning.goals', dropped.listener);
      await unsubscribe();

      await publishApplied(publisher, 'planning.goals', [event(7)], { channelPrefix: prefix });
      await kept.arrived();
      expect(dropped.batches).toEqual([]);

      const last = await feed.subscribe('planning.rule-profiles', () => undefined);
      const channel = appliedChannel('planning.rule-profiles', prefix);
      expect(await publisher.call('PUBSUB', 'NUMSUB', channel)).toEqual([channel, 1]);
      await last();
      expect(await publisher.call('PUBSUB', 'NUMSUB', channel)).toEqual([channel, 0]);
    } finally {
      await feed.close();
    }
  });

  it('drives a live subscription: one read per relevant batch, none for other streams', async () => {
    const feed = redisAppliedFeed(REDIS_URL, { channelPrefix: prefix });
    try {
      const reads: string[][] = [];
      const updates = await liveUpdates({
        feed,
        projection: 'planning.goals',
        select: (events) => events.filter((e) => e.streamId === 'goal-mine'),
        read: async (events) => {
          reads.push(events.map((e) => `${e.streamId}@${e.streamVersion}`));
          return [`state after v${events[events.length - 1]!.streamVersion}`];
        },
      });
      await publishApplied(publisher, 'planning.goals', [event(1, 'goal-other')], { channelPrefix: prefix });
      await publishApplied(publisher, 'planning.goals', [event(3, 'goal-mine')], { channelPrefix: prefix });
      expect(await updates.next()).toEqual({ done: false, value: 'state after v3' });
      expect(reads).toEqual([['goal-mine@3']]);
      await updates.return!();
      const channel = appliedChannel('planning.goals', prefix);
      expect(await publisher.call('PUBSUB', 'NUMSUB', channel)).toEqual([channel, 0]);
    } finally {
      await feed.close();
    }
  });
});

describe('the Redis applied feed when Redis is not there at first', () => {
  it('refuses the subscribe, then works once Redis is reachable', async () => {
    // a TCP relay to the real Redis that refuses connections until it is opened
    const target = new URL(REDIS_URL);
    const sockets: Socket[] = [];
    const relay = createServer((client) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      sockets.push(client, upstream);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    const port = await new Promise<number>((resolve) =>
      relay.listen(0, '127.0.0.1', () => resolve((relay.address() as AddressInfo).port)),
    );
    await new Promise((resolve) => relay.close(resolve));
    const prefix = `jixiao-test-${randomUUID()}`;
    const feed = redisAppliedFeed(`redis://127.0.0.1:${port}`, { channelPrefix: prefix, onError: () => undefined });
    const publisher = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
    try {
      const first = collect(1);
      await expect(feed.subscribe('planning.goals', first.listener)).rejects.toThrow();
      await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
      const second = collect(1);
      const deadline = Date.now() + 10_000;
      let unsubscribe: (() => Promise<void>) | null = null;
      while (!unsubscribe) {
        unsubscribe = await feed.subscribe('planning.goals', second.listener).catch(() => null);
        if (!unsubscribe && Date.now() > deadline) throw new Error('the feed never recovered');
        if (!unsubscribe) await new Promise((r) => setTimeout(r, 100));
      }
      await publishApplied(publisher, 'planning.goals', [event(1)], { channelPrefix: prefix });
      await second.arrived();
      expect(second.batches).toEqual([[event(1)]]);
      expect(first.batches).toEqual([]);
      await unsubscribe();
    } finally {
      await feed.close();
      await publisher.quit();
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => relay.close(resolve));
    }
  });
});
