import type { EntityManager } from '@mikro-orm/core';
import {
  ConcurrencyError,
  DomainError,
  handleCommand,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '@jixiao/events';
import { EventFailedError, isParked } from '@jixiao/projections';
import { saveCheckpoint, type EventProcessor } from './processor-runner';
import { causedBy, reactionCommandId, type Reaction, type ReactionCommand } from './reaction';

/** What issuing a command needs: the store, the read models, the clock, and the catalog's upcast. */
export interface IssueDeps {
  store: EventStore;
  em(): EntityManager;
  now(): Date;
  upcast(event: RecordedEvent): RecordedEvent;
}

/**
 * Runs a platform-issued command through the command path (`handleCommand`: load, decide, append
 * with the command id). A repeated id on the same stream and command type answers the first result
 * and writes nothing: a redelivered event, or a second scheduler, issues nothing new.
 */
export function issue(deps: IssueDeps, cmd: ReactionCommand, commandId: string, metadata: EventMetadata) {
  return handleCommand(deps.store, cmd.streamId, cmd.decider, cmd.command, {
    metadata,
    commandId,
    upcast: deps.upcast,
  }) as Promise<AppendResult>;
}

/**
 * A failure that is the event's (the reaction threw, or the decider refused its command) is named
 * after the event, to be retried and parked; a concurrent write or the database away is retried as is.
 */
export function blame(event: RecordedEvent, error: unknown): unknown {
  if (error instanceof EventFailedError || error instanceof ConcurrencyError) return error;
  if (error instanceof DomainError) return new EventFailedError(event, error);
  return error;
}

/** A reaction as a processor: each handled event's commands issued in order, then the checkpoint moved. */
export function reactionProcessor(reaction: Reaction, deps: IssueDeps): EventProcessor {
  const handles = new Set(reaction.handles);
  const lookups = { store: deps.store, em: deps.em, now: deps.now };
  return {
    name: reaction.name,
    async process(events, last) {
      for (const source of events) {
        if (isParked(source) || !handles.has(source.type)) continue;
        const event = deps.upcast(source);
        let commands: ReactionCommand[];
        try {
          commands = await reaction.react(event, lookups);
        } catch (error) {
          throw new EventFailedError(source, error);
        }
        for (const [index, cmd] of commands.entries()) {
          await issue(
            deps,
            cmd,
            reactionCommandId(reaction.name, event.eventId, index),
            causedBy(reaction.name, event),
          ).catch((error: unknown) => {
            throw blame(source, error);
          });
        }
      }
      if (last) await saveCheckpoint(deps.em(), reaction.name, last);
    },
  };
}
