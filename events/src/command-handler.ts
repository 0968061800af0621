import { commandTypeOf, repeatOf } from './command-ids';
import type { Decider } from './decider';
import { fold } from './decider';
import type { EventMetadata, NewEvent, RecordedEvent } from './envelope';
import type { AppendResult, EventStore } from './store';

export interface HandleOptions {
  metadata: EventMetadata;
  commandId?: string;
  /** When given, the caller's view of the stream; a mismatch is a ConcurrencyError. */
  expectedVersion?: number;
  recordedAt?: Date;
  /** Brings stored events of older schema versions up to date before folding (the catalog's `upcast`). */
  upcast?: (event: RecordedEvent) => RecordedEvent;
}

/**
 * The path of a command: load the stream, fold it, decide, append at the version read
 * (optimistic concurrency) with the command id and the command's `type` (idempotency: a repeated
 * id answers its first result if it was the same command on the same stream, else CONFLICT).
 */
export async function handleCommand<TCommand, TEvent extends NewEvent, TState>(
  store: EventStore,
  streamId: string,
  decider: Decider<TCommand, TEvent, TState>,
  command: TCommand,
  options: HandleOptions,
): Promise<AppendResult & { state: TState }> {
  const load = async (id: string) => {
    const stored = await store.readStream(id);
    return options.upcast ? stored.map(options.upcast) : stored;
  };
  const commandType = commandTypeOf(command);
  /** A command id seen before answers with its first result and the state of its stream. */
  const firstResult = async (earlier: AppendResult) => ({
    ...earlier,
    state: fold(decider, await load(streamId)),
  });
  if (options.commandId) {
    // checked before deciding: a retried command may no longer be valid in today's state
    const earlier = await store.findCommand(options.commandId);
    if (earlier) return firstResult(repeatOf(earlier, options.commandId, streamId, commandType));
  }
  const history = await load(streamId);
  const version = history.length;
  const state = fold(decider, history);
  const events = decider.decide(command, state);
  const result = await store.appendToStream(streamId, events, {
    expectedVersion: options.expectedVersion ?? version,
    commandId: options.commandId,
    commandType,
    metadata: { ...options.metadata, commandId: options.commandId },
    recordedAt: options.recordedAt,
  });
  // a concurrent duplicate of this command id may have won the race: the store answers with its result
  // (or refuses with CONFLICT when the winner was another command)
  if (result.duplicate) return firstResult(result);
  return { ...result, state: events.reduce(decider.evolve, state) };
}
