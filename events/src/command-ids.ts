import { createHash } from 'node:crypto';
import { DomainError, ErrorCode } from './errors';
import type { AppendResult } from './store';

/** What a store remembers of a command id: its first result, the stream it wrote and what command it was. */
export interface RecordedCommand extends AppendResult {
  streamId: string;
  /** The command's type (`SubmitGoal`, ...); null when appended without one, or recorded before types were. */
  commandType: string | null;
}

/** A command id already used for another command: another stream, or another command type. Nothing was written. */
export class CommandIdReusedError extends DomainError {
  readonly code = ErrorCode.CONFLICT;
  constructor(readonly commandId: string) {
    // says neither the stream nor the command it was used for: it may be another unit's
    super({
      zh: `命令编号 ${commandId} 已用于另一命令（另一对象或另一操作），不能重复使用；新命令请使用新的 commandId`,
      en: `Command id ${commandId} was already used for another command (another record or another operation); give a new command a new commandId`,
    });
  }
}

/**
 * The one rule for a repeated command id: the same command (same type) on the same stream answers
 * its first result; the id reused on another stream or for another command type is refused with
 * CONFLICT. A command recorded without a type is checked by its stream only.
 */
export function repeatOf(
  recorded: RecordedCommand,
  commandId: string,
  streamId: string,
  commandType: string | undefined,
): RecordedCommand {
  const sameType = recorded.commandType === null || recorded.commandType === (commandType ?? null);
  if (recorded.streamId !== streamId || !sameType) throw new CommandIdReusedError(commandId);
  return recorded;
}

/** The type a command names (`{ type: 'SubmitGoal', ... }`), if it names one. */
export function commandTypeOf(command: unknown): string | undefined {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : undefined;
}

/** A UUID-shaped id (v5 layout) derived from a name: the same name always gives the same id. */
export function derivedId(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
