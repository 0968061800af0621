import type { EventStore, RecordedEvent } from '@jixiao/events';
import { lastEventOf } from './last-event';

/** The log as PostgreSQL can hold it: positions in insert order, transaction ids in the order they were taken. */
function storeOf(events: Array<Pick<RecordedEvent, 'globalPosition' | 'transactionId'>>): EventStore {
  return {
    readAll: async ({ fromPosition = 1, limit = 1000 }: { fromPosition?: number; limit?: number }) =>
      events.filter((e) => e.globalPosition >= fromPosition).slice(0, limit),
  } as unknown as EventStore;
}

describe('lastEventOf in commit order', () => {
  it('is the event of the latest transaction, even when an earlier transaction inserted after it', async () => {
    // transaction 100 took its id first but inserted last (position 3); 101 committed position 2
    const store = storeOf([
      { globalPosition: 1, transactionId: 99 },
      { globalPosition: 2, transactionId: 101 },
      { globalPosition: 3, transactionId: 100 },
    ]);
    expect(await lastEventOf(store, 2)).toEqual({ globalPosition: 2, transactionId: 101 });
    expect(await lastEventOf(store, 1)).toEqual({ globalPosition: 2, transactionId: 101 });
  });

  it('within one transaction, the highest position', async () => {
    const store = storeOf([
      { globalPosition: 1, transactionId: 7 },
      { globalPosition: 2, transactionId: 7 },
    ]);
    expect(await lastEventOf(store)).toEqual({ globalPosition: 2, transactionId: 7 });
  });
});
