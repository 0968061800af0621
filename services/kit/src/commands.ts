import type { Sealer } from './sealer';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import {
  derivedId,
  handleCommand,
  invalid,
  NotYetVisibleError,
  type Decider,
  type EventCatalog,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@jixiao/events';
import { metadataOf, type RequestContext } from './context';
import type { AppliedFeed } from './live/applied-feed';
import { overlongId } from './plugins/input-hygiene/unsafe-text';
import type { ReadCache } from './read-cache';
import type { ContextModule } from './context-module';
import type { Attachments } from './attachments/attachment-store';

/** What a service needs from the platform: the event store, a read-model session, and read-your-writes. */
export interface ServiceDeps {
  store: EventStore;
  /** The platform's event catalog (every context's events): brings stored events of older schemas up to date. */
  catalog: EventCatalog;
  /** The bounded contexts the platform runs (what a context that serves the others, like audit, reads). */
  contexts: readonly ContextModule[];
  /** A fresh MikroORM EntityManager for one request. */
  em(): EntityManager;
  /**
   * Resolves once the read models have applied a command's events (or with false after the
   * timeout). Embedded mode compares commit positions with the last; distributed mode, where
   * projections run in other processes, reads the stream's version from each projection that
   * handles any of them.
   */
  waitForProjections(events: readonly RecordedEvent[], timeoutMs?: number): Promise<boolean>;
  /** The read cache of the hottest queries; none when absent. */
  cache?: ReadCache;
  /** What the projections applied, for live subscriptions; without it, subscribing is refused. */
  applied?: AppliedFeed;
  /**
   * Where uploaded files are kept (a folder in embedded mode, PostgreSQL in distributed mode) and
   * the limits they were accepted under; a disbursement request's documents name files in it.
   * Absent where the platform runs without attachments (then a request naming documents is refused).
   */
  attachments?: Attachments;
  /**
   * The platform's clock (the one the deadline scheduler reads; tests pass a fake one): what a
   * command takes as today. The machine's clock when absent.
   */
  now?: () => Date;
  /** The log's sealer (signed Merkle tree heads and their proofs); absent, the audit subgraph's proof operations refuse. */
  sealer?: Sealer;
}

/** What every command input's `commandId` field says in the schema: the rule `execute` keeps. */
export const COMMAND_ID_DESCRIPTION =
  '幂等键：同一命令以同一键重复提交只生效一次，返回首次结果；用于另一对象或另一操作则拒绝 (CONFLICT) ' +
  '(idempotency key: the same command sent again with it answers its first result; reused for another record or another operation it is refused with CONFLICT)';

export interface ExecuteOptions {
  commandId?: string | null;
  expectedVersion?: number | null;
}

/**
 * Runs one command through its decider and waits until the read models show it, so the
 * mutation's answer (read from the read model) already includes the change. Every resolver's
 * command goes through here, under one rule for a repeated `commandId`: the same command (its
 * `type`) on the same stream answers its first result and writes nothing; the id reused on another
 * stream or for another command type is refused with CONFLICT (`CommandIdReusedError`).
 */
export async function execute<C, E extends NewEvent, S>(
  deps: ServiceDeps,
  ctx: RequestContext,
  streamId: string,
  decider: Decider<C, E, S>,
  command: C,
  options: ExecuteOptions = {},
) {
  // whatever its GraphQL type, a command id is an identifier: a long one would burden the store's index
  const tooLong = overlongId('commandId', options.commandId);
  if (tooLong.length > 0) throw invalid(tooLong);
  const result = await handleCommand(deps.store, streamId, decider, command, {
    metadata: metadataOf(ctx),
    commandId: options.commandId ?? undefined,
    expectedVersion: options.expectedVersion ?? undefined,
    upcast: (event) => deps.catalog.upcast(event),
  });
  const last = result.events[result.events.length - 1];
  if (last && !(await deps.waitForProjections(result.events))) {
    throw new NotYetVisibleError({
      zh: `已记录（事件 ${last.eventId}），但查询结果尚未更新；请稍后查询，或以同一 commandId 重试`,
      en: `Recorded (event ${last.eventId}) but not yet visible to queries; query again shortly, or retry with the same commandId`,
    });
  }
  return result;
}

/**
 * The id a new record (unit, project, template, ...) takes: derived from the command id when there
 * is one, so a retried creation names the same stream and answers its first result instead of
 * being refused as another stream's; random otherwise. Shaped like a UUID (v5 layout).
 */
export function newRecordId(commandId?: string | null): string {
  return commandId ? derivedId(`jixiao.record:${commandId}`) : randomUUID();
}
