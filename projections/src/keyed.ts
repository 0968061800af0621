import type { EntityManager, EntitySchema } from '@mikro-orm/core';
import type { RecordedEvent } from '@jixiao/events';

/** A document of a keyed projection: its key is of the projection's choosing (`unitId|year`, say). */
export interface Keyed {
  key: string;
}

/** What a keyed projection's `evolve` is told beside the document and the event. */
export interface KeyedContext<TMemo> {
  /** The key of the document being evolved (an event may update several). */
  key: string;
  /** What the projection remembered of the event's stream before the event, and after it. */
  before: TMemo | null;
  after: TMemo | null;
}

/**
 * A projection whose documents are keyed by what they describe, not by stream: an event may
 * update several documents, and a document is fed by many streams (of several categories).
 *
 * Exactly once per source event: the projection keeps, per source stream, the last version it
 * applied and a small memo of its own (`rm_projection_stream`), written in the same transaction
 * as the documents; a replayed event (version ≤ the stream's) changes nothing, and a version gap
 * is filled from the event store as for stream projections. The memo is how a later event finds
 * its documents when it no longer carries what keys them (a goal's `GoalReviewed` has no unit
 * or year; the memo of its stream has). On PostgreSQL a batch locks its streams, then its
 * documents' keys, each in a fixed order, so workers of different partitions never lose an update.
 *
 * @example
 * keysOf: (e, memo) => e.type === 'GoalSubmitted' ? [`${e.data.unitId}|${e.data.fiscalYear}`] : memo ? [memo.key] : [],
 */
export interface KeyedProjection<TDoc extends Keyed = Keyed, TMemo = unknown> {
  /** Stable name; also the checkpoint key and the stream records' owner. */
  name: string;
  /** Event types it reads. */
  handles: readonly string[];
  /** The MikroORM entity schemas (tables) it owns; the stream records are in a shared table. */
  entities: EntitySchema[];
  /** The keys of the documents `event` updates, from the event and the memo of its stream before it. */
  keysOf(event: RecordedEvent, memo: TMemo | null): readonly string[];
  /** What to remember of the stream once `event` is applied (pure); nothing when absent. */
  remember?(memo: TMemo | null, event: RecordedEvent): TMemo | null;
  /** Pure: document `context.key` after `event`; `null` deletes it. */
  evolve(doc: TDoc | null, event: RecordedEvent, context: KeyedContext<TMemo>): TDoc | null;
  /** The stored documents of these keys, by key; keys without one are absent. */
  loadMany(em: EntityManager, keys: readonly string[]): Promise<Map<string, TDoc>>;
  /** Writes these documents (inserted or replaced). */
  saveMany(em: EntityManager, docs: readonly TDoc[]): Promise<void>;
  /** Deletes the documents of these keys (some may not exist). */
  deleteMany(em: EntityManager, keys: readonly string[]): Promise<void>;
}

export function defineKeyedProjection<TDoc extends Keyed, TMemo>(
  p: KeyedProjection<TDoc, TMemo>,
): KeyedProjection<TDoc, TMemo> {
  return p;
}
