import { isAfter, type EventStore, type RecordedEvent } from '@jixiao/events';

/**
 * The newest event in commit order — (transactionId, globalPosition), the order projections apply
 * them in — found by paging through the log, so a city-year is never held in memory at once. On
 * PostgreSQL the highest global position need not be the last committed: a transaction that took its
 * id earlier can insert later, so a reader that waited only for the highest position would stop short.
 */
export async function lastEventOf(store: EventStore, pageSize = 5_000): Promise<RecordedEvent | undefined> {
  let newest: RecordedEvent | undefined;
  let position = 0;
  for (;;) {
    const page = await store.readAll({ fromPosition: position + 1, limit: pageSize });
    if (page.length === 0) return newest;
    for (const event of page) if (!newest || isAfter(event, newest)) newest = event;
    position = page[page.length - 1]!.globalPosition;
  }
}
