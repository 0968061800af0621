import type { EntityManager } from '@mikro-orm/core';
import {
  derivedId,
  type Decider,
  type EventMetadata,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@jixiao/events';

/** A command a reaction or a deadline issues: run on `streamId` through `decider`, as a resolver's would be. */
export interface ReactionCommand {
  streamId: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  decider: Decider<any, NewEvent, any>;
  command: unknown;
}

/** What a reaction may read beside the event: the event store, the read models, the clock. */
export interface ReactionLookups {
  store: Pick<EventStore, 'readStream'>;
  /** A fresh read-model session. */
  em(): EntityManager;
  now(): Date;
}

/**
 * A context's reaction to events (its own or another context's): the commands it issues for one
 * event. Pure apart from the look-ups; the runner runs each command through the command path with
 * an id derived from the event, so an event delivered twice issues each command once.
 */
export interface Reaction {
  /** Stable name (`<context>.<what>`); also its checkpoint and its dead letters' processor. */
  name: string;
  /** Event types it reacts to. */
  handles: readonly string[];
  react(event: RecordedEvent, lookups: ReactionLookups): ReactionCommand[] | Promise<ReactionCommand[]>;
}

export function defineReaction(reaction: Reaction): Reaction {
  return reaction;
}

/** The id of the `index`-th command a reaction issues for an event: the same on every delivery. */
export function reactionCommandId(reaction: string, eventId: string, index: number): string {
  return derivedId(`jixiao.reaction:${reaction}:${eventId}:${index}`);
}

/** The role a command issued by the platform itself (a reaction, the scheduler) is recorded with. */
export const SYSTEM_ROLE = 'SYSTEM';

/**
 * Who a reaction's command is recorded as: the reaction itself, caused by the source event
 * (`causationId`), in the source's correlation, on behalf of the source's unit.
 */
export function causedBy(actor: string, event: RecordedEvent): EventMetadata {
  return {
    actorId: `system:${actor}`,
    role: SYSTEM_ROLE,
    unitId: event.metadata.unitId ?? null,
    correlationId: event.metadata.correlationId ?? event.eventId,
    causationId: event.eventId,
  };
}
