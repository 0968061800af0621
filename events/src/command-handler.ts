import type { Decider } from './decider';
import { fold } from './decider';
import type { EventMetadata, NewEvent } from './envelope';
import type { AppendResult, EventStore } from './store';

export interface HandleOptions {
  metadata: EventMetadata;
  commandId?: string;
  /** When given, the caller's view of the stream; a mismatch is a ConcurrencyError. */
  expectedVersion?: number;
  recordedAt?: Date;
}

/**
 * The path of a command: load the stream, fold it, decide, append at the version read
 * (optimistic concurrency) with the command id (idempotency).
 */
export async function handleCommand<TCommand, TEvent extends NewEvent, TState>(
  store: EventStore,
  streamId: string,
  decider: Decider<TCommand, TEvent, TState>,
  command: TCommand,
  options: HandleOptions,
): Promise<AppendResult & { state: TState }> {
  const history = await store.readStream(streamId);
  const version = history.length;
  const state = fold(decider, history);
  let events: TEvent[];
  try {
    events = decider.decide(command, state);
  } catch (error) {
    // a retried command may no longer be valid in today's state: answer with its first result
    if (!options.commandId) throw error;
    const earlier = await store.appendToStream(streamId, [], {
      expectedVersion: 'any',
      commandId: options.commandId,
      metadata: options.metadata,
    });
    if (!earlier.duplicate) throw error;
    return { ...earlier, state };
  }
  const result = await store.appendToStream(streamId, events, {
    expectedVersion: options.expectedVersion ?? version,
    commandId: options.commandId,
    metadata: { ...options.metadata, commandId: options.commandId },
    recordedAt: options.recordedAt,
  });
  const stored = result.duplicate ? await store.readStream(streamId) : [];
  const newState = result.duplicate ? fold(decider, stored) : events.reduce(decider.evolve, state);
  return { ...result, state: newState };
}
