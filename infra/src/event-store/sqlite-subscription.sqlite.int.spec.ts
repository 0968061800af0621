import { catalog } from '@jixiao/contexts';
import { getEventListeners, type EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heapAfterGc, type RecordedEvent, type Subscription } from '@jixiao/events';
import { SqliteEventStore } from './sqlite-event-store';

const metadata = { actorId: 'zhang.wei', role: 'ADMIN' };
const unitRegistered = (i: number) => ({
  type: 'BudgetUnitRegistered',
  data: {
    unitId: `u${i}`,
    code: `B${i}`,
    name: `测试单位${i}`,
    level: 'FIRST',
    parentId: null,
    divisionCode: '429006',
    sector: '',
  },
});

describe('a SQLite subscription over a long life', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-sub-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), catalog });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Reads in the background; `seen` counts the events delivered, `delivered` is told of each batch. */
  function follow(subscription: Subscription) {
    const state = { seen: 0, delivered: (): void => undefined };
    const reading = (async () => {
      for await (const batch of subscription as AsyncIterable<RecordedEvent[]>) {
        state.seen += batch.length;
        state.delivered();
      }
    })();
    return { state, reading };
  }

  it('holds no memory per wake-up: the heap after 8,000 more appends, each delivered before the next, is what it was', async () => {
    const subscription = store.subscribe();
    const { state, reading } = follow(subscription);
    const appendDelivered = async (i: number) => {
      await store.appendToStream(`unit-${i}`, [unitRegistered(i)], { expectedVersion: 0, metadata });
      while (state.seen < i) await new Promise<void>((resolve) => (state.delivered = resolve));
    };
    for (let i = 1; i <= 1_000; i++) await appendDelivered(i);
    const before = heapAfterGc();
    for (let i = 1_001; i <= 9_000; i++) await appendDelivered(i);
    const after = heapAfterGc();
    await subscription.close();
    await reading;
    expect(state.seen).toBe(9_000);
    // each wake-up kept ~340 bytes for the subscription's life before: ~2.7 MB here
    expect(after - before).toBeLessThan(1_000_000);
  });

  it('ends its idle wait when closed: nothing is left listening for appends', async () => {
    const appends = (store as unknown as { signal: EventEmitter }).signal;
    const subscription = store.subscribe();
    const { reading } = follow(subscription);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(getEventListeners(appends, 'append')).toHaveLength(1);
    await subscription.close();
    await reading;
    expect(getEventListeners(appends, 'append')).toHaveLength(0);
  });
});
