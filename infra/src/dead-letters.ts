import type { MikroORM } from '@mikro-orm/core';
import type { EventCatalog, EventStore } from '@jixiao/events';
import {
  ensureDeadLetterTable,
  listDeadLetters,
  replayDeadLetters,
  type DeadLetter,
  type ReplayOutcome,
} from '@jixiao/projections';
import type { ContextModule } from '@jixiao/service-kit';
import { replayTargetsOf } from './reactions/start-reactions';

export const DEAD_LETTERS_USAGE = `npm run dead-letters -- list | replay <id> | replay --all
  list          the parked events (死信): processor, event, stream and version, attempts, error
  replay <id>   after a fix, applies that dead letter's stream's parked events in order
  replay --all  the same for every parked stream
  The store is the configured one (SQLite under JIXIAO_DATA_DIR, PostgreSQL when JIXIAO_STORE=postgres).`;

export type DeadLettersCommand = { kind: 'list' } | { kind: 'replay'; which: { id: string } | 'all' };

/** Reads the command line (`list`, `replay <id>`, `replay --all`); throws with the usage otherwise. */
export function parseDeadLettersArgs(args: readonly string[]): DeadLettersCommand {
  const [verb, arg, ...rest] = args;
  if (verb === 'list' && arg === undefined) return { kind: 'list' };
  if (verb === 'replay' && arg && rest.length === 0)
    return { kind: 'replay', which: arg === '--all' ? 'all' : { id: arg } };
  throw new Error(`用法有误 (wrong usage): ${args.join(' ') || '(nothing)'}\n${DEAD_LETTERS_USAGE}`);
}

/** The list as an operator reads it: one block per dead letter, the failing ones and those waiting behind. */
export function formatDeadLetters(letters: readonly DeadLetter[]): string {
  if (letters.length === 0) return '没有死信 (no dead letters)';
  return letters
    .map((l) =>
      [
        `${l.id}  ${l.processor}  ${l.eventType} ${l.streamId} v${l.streamVersion} (event ${l.eventId}, position ${l.globalPosition})`,
        l.behind
          ? `  等待前序死信 (waiting behind) ${l.behind}`
          : `  尝试 ${l.attempts} 次 (attempts ${l.attempts}), ${l.firstFailedAt} – ${l.lastFailedAt}: ${l.error}`,
      ].join('\n'),
    )
    .join('\n');
}

/** A replay's outcome, one line per stream. */
export function formatReplay(outcomes: readonly ReplayOutcome[]): string {
  if (outcomes.length === 0) return '没有死信 (no dead letters)';
  return outcomes
    .map((o) =>
      o.error === null
        ? `已重放 (replayed) ${o.processor} ${o.streamId}: ${o.replayed} events`
        : `仍失败 (still failing) ${o.processor} ${o.streamId} after ${o.replayed} events: ${o.error}`,
    )
    .join('\n');
}

/** Runs one command against the store and read models; resolves with what to print and whether all went well. */
export async function runDeadLetters(
  command: DeadLettersCommand,
  deps: { store: EventStore; orm: MikroORM; catalog: EventCatalog; contexts: readonly ContextModule[] },
): Promise<{ text: string; ok: boolean }> {
  await ensureDeadLetterTable(deps.orm.em.fork());
  if (command.kind === 'list') return { text: formatDeadLetters(await listDeadLetters(deps.orm.em.fork())), ok: true };
  const outcomes = await replayDeadLetters(deps.orm.em, deps.store, replayTargetsOf(deps), command.which);
  return { text: formatReplay(outcomes), ok: outcomes.every((o) => o.error === null) };
}
