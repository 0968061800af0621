/** Who caused an event and on behalf of which command; taken from the verified caller, never from input. */
export interface EventMetadata {
  actorId: string;
  role: string;
  unitId?: string | null;
  commandId?: string;
  correlationId?: string;
  causationId?: string;
  clientIp?: string;
  userAgent?: string;
}

/** An event a decider produced, before the store gives it an identity and a place. */
export interface NewEvent<TType extends string = string, TData = unknown> {
  type: TType;
  data: TData;
}

/** An event as stored: immutable, hash-chained within its stream. */
export interface RecordedEvent<TType extends string = string, TData = unknown> {
  eventId: string;
  streamId: string;
  /** 1 for the first event of a stream, no gaps. */
  streamVersion: number;
  /** Unique, increasing in append order across the whole log. */
  globalPosition: number;
  /**
   * Commit-order key. Subscribers receive events ordered by
   * (transactionId, globalPosition); on PostgreSQL it is the writing transaction's id.
   */
  transactionId: number;
  type: TType;
  schemaVersion: number;
  data: TData;
  metadata: EventMetadata;
  /** ISO-8601 UTC with milliseconds. */
  recordedAt: string;
  previousHash: string;
  hash: string;
}

/** Where a subscriber is in the commit order. */
export interface Checkpoint {
  transactionId: number;
  globalPosition: number;
}

export const START: Checkpoint = { transactionId: 0, globalPosition: 0 };

/** The stream category is the part of a stream id before the first dash: `goal-42` → `goal`. */
export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}

/** The aggregate id inside a stream id: `goal-42` → `42`. */
export function entityId(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? '' : streamId.slice(dash + 1);
}

export function isAfter(event: Pick<RecordedEvent, 'transactionId' | 'globalPosition'>, cp: Checkpoint): boolean {
  return (
    event.transactionId > cp.transactionId ||
    (event.transactionId === cp.transactionId && event.globalPosition > cp.globalPosition)
  );
}
