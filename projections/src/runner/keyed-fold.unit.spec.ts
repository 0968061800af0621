import type { RecordedEvent } from '@jixiao/events';
import { defineKeyedProjection } from '../keyed';
import { applyKeyedSteps, keysOfSteps, planKeyed } from './keyed-fold';
import type { ProjectionStreamRecord } from './stream-record.entity';
import { passThroughCatalog, recordedEvent } from './recorded.testing';

const catalog = passThroughCatalog;

const event = recordedEvent;

/** Members per group: `Joined` names a group (and may move a member); `Left` carries none — the memo has it. */
type Group = { key: string; members: number };
const groups = defineKeyedProjection<Group, { group: string }>({
  name: 'test.groups',
  handles: ['Joined', 'Left'],
  entities: [],
  keysOf: (e, memo) =>
    e.type === 'Joined'
      ? [...new Set([memo?.group, (e.data as { group: string }).group].filter((g): g is string => !!g))]
      : memo
        ? [memo.group]
        : [],
  remember: (memo, e) => (e.type === 'Joined' ? { group: (e.data as { group: string }).group } : null),
  evolve(doc, _e, { key, before, after }) {
    const members = (doc?.members ?? 0) - (before?.group === key ? 1 : 0) + (after?.group === key ? 1 : 0);
    return members === 0 ? null : { key, members };
  },
  loadMany: async () => new Map(),
  saveMany: async () => undefined,
  deleteMany: async () => undefined,
});

async function fold(events: RecordedEvent[], records = new Map<string, ProjectionStreamRecord>(), docs = new Map()) {
  const touched = new Set<string>();
  const steps = await planKeyed(groups, catalog, events, records, touched);
  const changed = new Set<string>();
  applyKeyedSteps(groups, steps, docs, changed);
  return { steps, records, docs, touched, changed };
}

describe('folding a keyed projection', () => {
  it('feeds one document from several streams, and finds a later event its document through the memo', async () => {
    const { docs, records } = await fold([
      event('m-1', 1, 'Joined', { group: 'a' }),
      event('m-2', 1, 'Joined', { group: 'a' }),
      event('m-3', 1, 'Joined', { group: 'b' }),
      event('m-1', 2, 'Left', {}),
    ]);
    expect(Object.fromEntries(docs)).toEqual({ a: { key: 'a', members: 1 }, b: { key: 'b', members: 1 } });
    expect(records.get('m-1')).toEqual({ projection: 'test.groups', streamId: 'm-1', lastVersion: 2, memo: null });
    expect(records.get('m-2')).toMatchObject({ lastVersion: 1, memo: { group: 'a' } });
  });

  it('updates two documents with one event when a member moves', async () => {
    const records = new Map([
      ['m-1', { projection: 'test.groups', streamId: 'm-1', lastVersion: 1, memo: { group: 'a' } }],
    ]);
    const docs = new Map([['a', { key: 'a', members: 2 }]]);
    const { steps, changed } = await fold([event('m-1', 2, 'Joined', { group: 'b' })], records, docs);
    expect(keysOfSteps(steps)).toEqual(['a', 'b']);
    expect([...changed]).toEqual(['a', 'b']);
    expect(Object.fromEntries(docs)).toEqual({ a: { key: 'a', members: 1 }, b: { key: 'b', members: 1 } });
  });

  it('deletes a document its last member leaves (null), and names it changed', async () => {
    const { docs, changed } = await fold([event('m-1', 1, 'Joined', { group: 'a' }), event('m-1', 2, 'Left', {})]);
    expect(docs.get('a')).toBeNull();
    expect(changed.has('a')).toBe(true);
  });

  it('skips a replayed event (version at or below the stream record) and applies the next one', async () => {
    const records = new Map([
      ['m-1', { projection: 'test.groups', streamId: 'm-1', lastVersion: 2, memo: { group: 'a' } }],
    ]);
    const docs = new Map([['a', { key: 'a', members: 1 }]]);
    const replayed = [event('m-1', 1, 'Joined', { group: 'a' }), event('m-1', 2, 'Joined', { group: 'a' })];
    const { steps, touched } = await fold(replayed, records, docs);
    expect(steps).toEqual([]);
    expect(touched.size).toBe(0);
    expect(docs.get('a')).toEqual({ key: 'a', members: 1 });
    // version 3 is one past the record: applied
    const next = await fold([event('m-1', 3, 'Left', {})], records, docs);
    expect(next.steps).toHaveLength(1);
    expect(docs.get('a')).toBeNull();
  });

  it('fills a version gap from the store before the event after it, and says so', async () => {
    const records = new Map([
      ['m-1', { projection: 'test.groups', streamId: 'm-1', lastVersion: 1, memo: { group: 'a' } }],
    ]);
    const docs = new Map([['a', { key: 'a', members: 1 }]]);
    const asked: [string, number, number][] = [];
    const healed: number[] = [];
    const touched = new Set<string>();
    // version 2 (moved to b) was lost on the way; version 3 (left) arrives
    const steps = await planKeyed(groups, catalog, [event('m-1', 3, 'Left', {})], records, touched, {
      fillGap: async (streamId, from, to) => {
        asked.push([streamId, from, to]);
        return [event('m-1', 2, 'Joined', { group: 'b' })];
      },
      onHealed: (e) => healed.push(e.streamVersion),
    });
    applyKeyedSteps(groups, steps, docs, new Set());
    expect(asked).toEqual([['m-1', 2, 2]]);
    expect(healed).toEqual([2]);
    // the member left b, where the lost event had moved it, not a
    expect(Object.fromEntries(docs)).toEqual({ a: null, b: null });
    expect(records.get('m-1')).toMatchObject({ lastVersion: 3, memo: null });
  });

  it('asks for no gap when the versions follow, and ignores types it does not handle', async () => {
    const records = new Map([
      ['m-1', { projection: 'test.groups', streamId: 'm-1', lastVersion: 1, memo: { group: 'a' } }],
    ]);
    const fillGap = jest.fn(async () => []);
    const touched = new Set<string>();
    const steps = await planKeyed(
      groups,
      catalog,
      [event('m-1', 2, 'Renamed', {}), event('m-1', 2, 'Left', {})],
      records,
      touched,
      { fillGap },
    );
    expect(fillGap).not.toHaveBeenCalled();
    expect(steps.map((s) => s.event.type)).toEqual(['Left']);
  });
});
