import type { RecordedCommand } from './command-ids';
import type { Checkpoint, EventMetadata, NewEvent, RecordedEvent } from './envelope';

/** `'any'` skips the concurrency check; a number is the version the caller last saw (0 = new stream). */
export type ExpectedVersion = number | 'any';

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  /**
   * Idempotency key: the same command id again, on the same stream for the same command type,
   * returns the first result and writes nothing; on another stream or for another type it is
   * refused with a CommandIdReusedError (CONFLICT), and nothing is written (see `repeatOf`).
   */
  commandId?: string;
  /** The command's type, recorded with its id (`SubmitGoal`, ...). */
  commandType?: string;
  metadata: EventMetadata;
  /** The clock, injected; defaults to now. */
  recordedAt?: Date;
}

export interface AppendResult {
  /** The stream's version after the append. */
  nextExpectedVersion: number;
  events: RecordedEvent[];
  /** True when the command id had been seen: nothing was written. */
  duplicate: boolean;
}

/** One stream's part of a bulk append: its events, the version the writer saw, who wrote them and when. */
export interface BatchAppend {
  streamId: string;
  events: NewEvent[];
  expectedVersion: ExpectedVersion;
  metadata: EventMetadata;
  recordedAt?: Date;
}

export interface ReadStreamOptions {
  fromVersion?: number;
  toVersion?: number;
}

export interface ReadAllOptions {
  /** First global position to return (inclusive); defaults to 1. */
  fromPosition?: number;
  limit?: number;
}

export interface SubscribeOptions {
  /** Deliver events after this checkpoint: catch-up first, then live. */
  from?: Checkpoint;
  batchSize?: number;
}

/** Events in commit order: catch-up first, then live, never skipping one. Stop with `close()`. */
export interface Subscription extends AsyncIterable<RecordedEvent[]> {
  close(): Promise<void>;
}

export type VerifyResult =
  | { ok: true; streamId: string; eventCount: number; lastHash: string }
  | {
      ok: false;
      streamId: string;
      /** The first stream version whose event is missing, altered or out of place. */
      brokenAtVersion: number;
      eventId: string | null;
      reason: 'HASH_MISMATCH' | 'PREVIOUS_HASH_MISMATCH' | 'VERSION_GAP' | 'HEAD_MISMATCH';
    };

/** The event-store port. Both adapters pass the same conformance suite. */
export interface EventStore {
  appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /**
   * Bulk path (imports, seeding): appends to many streams in one transaction, all or nothing,
   * in the order given; a stream may appear more than once. No command ids: a stale
   * expected version anywhere refuses the whole batch with a ConcurrencyError.
   */
  appendBatch(appends: BatchAppend[]): Promise<AppendResult[]>;
  /**
   * The first result of an appended command id (with `duplicate: true`), with the stream it wrote and
   * its command type, or null if it was never appended.
   */
  findCommand(commandId: string): Promise<RecordedCommand | null>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Committed events strictly after the checkpoint, in commit order; what subscriptions page through. */
  readCommitted(after: Checkpoint, limit: number): Promise<RecordedEvent[]>;
  subscribe(options?: SubscribeOptions): Subscription;
  verifyStream(streamId: string): Promise<VerifyResult>;
  close(): Promise<void>;
}
