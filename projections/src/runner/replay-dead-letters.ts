import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { EventCatalog, EventStore, RecordedEvent } from '@jixiao/events';
import type { Projection } from '../projection';
import { applyBatch } from './apply-batch';
import {
  deadLettersOfStream,
  EventFailedError,
  findDeadLetter,
  guarded,
  listDeadLetters,
  messageOf,
  recordDeadLetter,
  removeDeadLetters,
  type DeadLetter,
} from './parking';

/** What replays a processor's parked events once its code is fixed: applies them in stream order, or throws. */
export interface ReplayTarget {
  processor: string;
  apply(events: RecordedEvent[]): Promise<void>;
}

/** A replay's outcome for one processor and stream. */
export interface ReplayOutcome {
  processor: string;
  streamId: string;
  /** Events applied and their dead letters removed. */
  replayed: number;
  /** Why the stream's first dead letter failed again (its letter keeps its place, attempts + 1), if it did. */
  error: string | null;
}

/**
 * Replays dead letters after a fix: one (`id`: its stream's letters from the first, since the later
 * ones wait behind it) or all. A stream's letters are applied in stream order and removed once
 * applied; letters parked meanwhile behind them are picked up by reading again until none are left.
 */
export async function replayDeadLetters(
  em: EntityManager,
  store: Pick<EventStore, 'readStream'>,
  targets: readonly ReplayTarget[],
  which: { id: string } | 'all',
): Promise<ReplayOutcome[]> {
  let letters: DeadLetter[];
  if (which === 'all') letters = await listDeadLetters(em.fork());
  else {
    const one = await findDeadLetter(em.fork(), which.id);
    if (!one) throw new Error(`没有编号为 ${which.id} 的死信 (no dead letter ${which.id})`);
    letters = [one];
  }
  const groups = new Map<string, { processor: string; streamId: string }>();
  for (const l of letters)
    groups.set(`${l.processor}\u0000${l.streamId}`, { processor: l.processor, streamId: l.streamId });
  const outcomes: ReplayOutcome[] = [];
  for (const { processor, streamId } of groups.values()) {
    const target = targets.find((t) => t.processor === processor);
    if (!target) {
      outcomes.push({ processor, streamId, replayed: 0, error: `未知的处理器 (unknown processor) ${processor}` });
      continue;
    }
    outcomes.push(await replayStream(em, store, target, streamId));
  }
  return outcomes;
}

async function replayStream(
  em: EntityManager,
  store: Pick<EventStore, 'readStream'>,
  target: ReplayTarget,
  streamId: string,
): Promise<ReplayOutcome> {
  const outcome: ReplayOutcome = { processor: target.processor, streamId, replayed: 0, error: null };
  for (;;) {
    const waiting = await deadLettersOfStream(em.fork(), target.processor, streamId);
    if (waiting.length === 0) return outcome;
    const first = waiting[0]!.streamVersion;
    const last = waiting[waiting.length - 1]!.streamVersion;
    const wanted = new Set(waiting.map((w) => w.eventId));
    const events = (await store.readStream(streamId, { fromVersion: first, toVersion: last })).filter((e) =>
      wanted.has(e.eventId),
    );
    try {
      await target.apply(events);
    } catch (error) {
      const failed = error instanceof EventFailedError ? error.event.eventId : waiting[0]!.eventId;
      const letter = waiting.find((w) => w.eventId === failed) ?? waiting[0]!;
      const reason = error instanceof EventFailedError ? messageOf(error.reason) : messageOf(error);
      await removeDeadLetters(em.fork(), [letter.id]);
      await recordDeadLetter(em.fork(), {
        ...letter,
        error: reason,
        attempts: letter.attempts + 1,
        lastFailedAt: new Date().toISOString(),
      });
      return { ...outcome, error: reason };
    }
    await removeDeadLetters(
      em.fork(),
      waiting.map((w) => w.id),
    );
    outcome.replayed += events.length;
  }
}

/**
 * A projection's replay: its parked events applied to its documents (which skip what they have
 * seen) without moving its checkpoint back; the checkpoint's stamp is drawn anew so cached answers
 * read the change.
 */
export function projectionReplayTarget(em: EntityManager, projection: Projection, catalog: EventCatalog): ReplayTarget {
  const applied = guarded(projection);
  const scratch = `${projection.name}~replay`;
  return {
    processor: projection.name,
    async apply(events) {
      await applyBatch(em, applied, catalog, events, { checkpointName: scratch });
      const conn = em.fork().getConnection();
      await conn.execute('DELETE FROM rm_projection_checkpoint WHERE name = ?', [scratch]);
      await conn.execute('UPDATE rm_projection_checkpoint SET stamp = ? WHERE name = ? OR name LIKE ?', [
        randomUUID(),
        projection.name,
        `${projection.name}@%`,
      ]);
    },
  };
}
