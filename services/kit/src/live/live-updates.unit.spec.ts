import { InProcessAppliedFeed, type AppliedEvent } from './applied-feed';
import { liveUpdates } from './live-updates';

const event = (streamId: string, streamVersion: number): AppliedEvent => ({
  streamId,
  streamVersion,
  type: 'GoalSubmitted',
});

describe('live updates over the in-process feed', () => {
  it('reads once per relevant batch and skips batches of other streams', async () => {
    const feed = new InProcessAppliedFeed();
    const reads: number[][] = [];
    const updates = await liveUpdates({
      feed,
      projection: 'planning.goals',
      select: (events) => events.filter((e) => e.streamId === 'goal-a'),
      read: async (events) => {
        reads.push(events.map((e) => e.streamVersion));
        return [`v${events[events.length - 1]!.streamVersion}`];
      },
    });
    feed.publish('planning.goals', [event('goal-b', 1)]);
    feed.publish('planning.projects', [event('goal-a', 9)]);
    feed.publish('planning.goals', [event('goal-a', 2), event('goal-b', 2)]);
    expect(await updates.next()).toEqual({ done: false, value: 'v2' });
    expect(reads).toEqual([[2]]);
    await updates.return!();
  });

  it('listens before its preparation runs, and reads what arrived meanwhile only after it', async () => {
    const feed = new InProcessAppliedFeed();
    const steps: string[] = [];
    const updates = await liveUpdates({
      feed,
      projection: 'planning.goals',
      select: (events) => events,
      prepare: async () => {
        // a change lands while the snapshot is being taken
        feed.publish('planning.goals', [event('goal-a', 1)]);
        steps.push('snapshot');
      },
      read: async (events) => {
        steps.push(`read v${events[0]!.streamVersion}`);
        return ['changed'];
      },
    });
    expect(await updates.next()).toEqual({ done: false, value: 'changed' });
    expect(steps).toEqual(['snapshot', 'read v1']);
    await updates.return!();
  });

  it('is not made, and stops listening, when its preparation fails', async () => {
    const feed = new InProcessAppliedFeed();
    const failing = liveUpdates({
      feed,
      projection: 'planning.goals',
      select: (events) => events,
      prepare: async () => {
        throw new Error('read model unavailable');
      },
      read: async () => [],
    });
    await expect(failing).rejects.toThrow('read model unavailable');
    expect(feed.listenerCount('planning.goals')).toBe(0);
  });

  it('merges batches that arrive while a read runs into the next read', async () => {
    const feed = new InProcessAppliedFeed();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const reads: number[][] = [];
    const updates = await liveUpdates({
      feed,
      projection: 'p',
      select: (events) => events,
      read: async (events) => {
        reads.push(events.map((e) => e.streamVersion));
        if (reads.length === 1) await gate;
        return [reads.length];
      },
    });
    feed.publish('p', [event('s', 1)]);
    feed.publish('p', [event('s', 2)]);
    feed.publish('p', [event('s', 3)]);
    release();
    expect((await updates.next()).value).toBe(1);
    expect((await updates.next()).value).toBe(2);
    expect(reads).toEqual([[1], [2, 3]]);
    await updates.return!();
  });

  it('removes its listener when the client unsubscribes', async () => {
    const feed = new InProcessAppliedFeed();
    const updates = await liveUpdates({ feed, projection: 'p', select: (e) => e, read: async () => [1] });
    expect(feed.listenerCount('p')).toBe(1);
    const waiting = updates.next();
    await updates.return!();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(feed.listenerCount('p')).toBe(0);
  });

  it('ends with the read’s error (the goal became unreadable, say) and stops listening', async () => {
    const feed = new InProcessAppliedFeed();
    const updates = await liveUpdates({
      feed,
      projection: 'p',
      select: (e) => e,
      read: async () => {
        throw new Error('goal g does not exist');
      },
    });
    feed.publish('p', [event('s', 1)]);
    await expect(updates.next()).rejects.toThrow('goal g does not exist');
    expect(feed.listenerCount('p')).toBe(0);
  });

  it('keeps delivering to the other listeners when one throws', async () => {
    const feed = new InProcessAppliedFeed();
    const got: number[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await feed.subscribe('p', () => {
      throw new Error('broken listener');
    });
    await feed.subscribe('p', (events) => got.push(events.length));
    feed.publish('p', [event('s', 1)]);
    expect(got).toEqual([1]);
    spy.mockRestore();
  });
});
