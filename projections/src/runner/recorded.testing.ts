import type { EventCatalog, RecordedEvent } from '@jixiao/events';

/** For tests of folds: a catalog that leaves events as they are (upcasting is the catalog's business, not the fold's). */
export const passThroughCatalog = { upcast: (e: RecordedEvent) => e } as unknown as EventCatalog;

let position = 0;

/** For tests of folds: a recorded event of `streamId` at `streamVersion`, each at the next position of the log. */
export const recordedEvent = (streamId: string, streamVersion: number, type: string, data: object): RecordedEvent => ({
  eventId: `${streamId}@${streamVersion}`,
  streamId,
  streamVersion,
  globalPosition: ++position,
  transactionId: position,
  type,
  schemaVersion: 1,
  data,
  metadata: { actorId: 't', role: 'ADMIN' } as RecordedEvent['metadata'],
  recordedAt: '2026-01-01T00:00:00.000Z',
  previousHash: '',
  hash: '',
});
