import type { EventStore, RecordedEvent } from '@jixiao/events';

/** The newest event, found by paging through the log, so a city-year is never held in memory at once. */
export async function lastEventOf(store: EventStore, pageSize = 5_000): Promise<RecordedEvent | undefined> {
  let last: RecordedEvent | undefined;
  for (;;) {
    const page = await store.readAll({ fromPosition: (last?.globalPosition ?? 0) + 1, limit: pageSize });
    if (page.length === 0) return last;
    last = page[page.length - 1];
  }
}
