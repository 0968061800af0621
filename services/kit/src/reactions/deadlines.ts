import type { EntityManager } from '@mikro-orm/core';
import { ConcurrencyError, derivedId, DomainError, type RecordedEvent } from '@jixiao/events';
import { isParked, EventFailedError } from '@jixiao/projections';
import { issue, type IssueDeps } from './issue';
import { saveCheckpoint, type EventProcessor } from './processor-runner';
import { SYSTEM_ROLE, type ReactionCommand, type ReactionLookups } from './reaction';

/** A deadline an event sets: a day (`2024-06-30`) by which something must happen on a stream. */
export interface DeadlineSet {
  /** Unique within the deadline kind; the "deadline passed" command's id is derived from it. */
  deadlineId: string;
  streamId: string;
  /** The last day allowed, `YYYY-MM-DD`, in China's time (UTC+8). */
  dueDate: string;
}

/** What one event does to deadlines of one kind: sets one, or settles some (met, withdrawn, passed). */
export interface DeadlineChange {
  set?: DeadlineSet;
  /** Deadlines (by id) that no longer wait. */
  settle?: readonly string[];
  /** Every pending deadline of this kind on the stream no longer waits (what was due happened). */
  settleStream?: string;
}

/** A deadline the scheduler keeps until it is settled or passes. */
export interface PendingDeadline extends DeadlineSet {
  kind: string;
  /** The first instant past the due day (ISO, UTC). */
  dueAt: string;
  /** The event that set it: the "deadline passed" event's cause. */
  sourceEventId: string;
  correlationId: string | null;
  unitId: string | null;
}

/**
 * A kind of deadline: which events set and settle it (the deadlines are data in events) and the
 * command that appends the context's "deadline passed" event once the clock passes one.
 */
export interface DeadlineKind {
  /** Stable name (`<context>.<what>`). */
  name: string;
  handles: readonly string[];
  track(event: RecordedEvent): DeadlineChange;
  /**
   * The command that appends the "deadline passed" event, or null when what was due did happen
   * (the look-ups can tell, if the tracker has not seen it yet).
   */
  passed(deadline: PendingDeadline, lookups: ReactionLookups): ReactionCommand | null | Promise<ReactionCommand | null>;
}

export function defineDeadline(kind: DeadlineKind): DeadlineKind {
  return kind;
}

/** China has one time zone and no daylight saving: a due day ends at midnight UTC+8. */
export const DEADLINE_UTC_OFFSET = '+08:00';

/** The first instant after the due day: `2024-06-30` → 2024-06-30T16:00:00.000Z. */
export function dueAtOf(dueDate: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) throw new Error(`not a day: ${dueDate}`);
  const start = new Date(`${dueDate}T00:00:00${DEADLINE_UTC_OFFSET}`);
  if (Number.isNaN(start.getTime())) throw new Error(`not a day: ${dueDate}`);
  return new Date(start.getTime() + 24 * 60 * 60 * 1000);
}

/** True once `now` is past the due day (from its first instant on). */
export function isPast(dueAt: Date | string, now: Date): boolean {
  return now.getTime() >= new Date(dueAt).getTime();
}

/** The "deadline passed" command's id: one per deadline, whoever issues it and however often. */
export function deadlineCommandId(kind: string, deadlineId: string): string {
  return derivedId(`jixiao.deadline:${kind}:${deadlineId}`);
}

/** The tracker's checkpoint and dead letters go by this name. */
export const trackerName = (kind: string) => `deadlines:${kind}`;

const TABLE = 'rm_deadline';
type Row = Record<string, unknown>;

/** Rows of a raw query (the same SQL on SQLite and PostgreSQL; `?` placeholders). */
async function select(em: EntityManager, sql: string, params: unknown[] = []): Promise<Row[]> {
  return (await em.getConnection().execute(sql, params, 'all')) as Row[];
}

/** Creates the pending-deadline table if missing (same SQL on SQLite and PostgreSQL). */
export async function ensureDeadlineTable(em: EntityManager): Promise<void> {
  const conn = em.getConnection();
  await conn.execute(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (kind varchar(255) NOT NULL, deadline_id varchar(255) NOT NULL, ` +
      'stream_id varchar(255) NOT NULL, due_date varchar(10) NOT NULL, due_at varchar(30) NOT NULL, ' +
      'status varchar(10) NOT NULL, source_event_id varchar(36) NOT NULL, correlation_id varchar(255), ' +
      'unit_id varchar(255), PRIMARY KEY (kind, deadline_id))',
  );
  await conn.execute(`CREATE INDEX IF NOT EXISTS ${TABLE}_due ON ${TABLE} (kind, status, due_at)`);
}

/**
 * `make()` once, its promise shared by every caller — until it fails: then the next call makes it
 * again (a table that could not be created while the database was away is created when it is back,
 * not refused for the process's life).
 */
export function onceUntilFailed(make: () => Promise<void>): () => Promise<void> {
  let made: Promise<void> | null = null;
  return () =>
    (made ??= make().catch((error: unknown) => {
      made = null;
      throw error;
    }));
}

/** The tracker: keeps the pending deadlines of one kind from the events, rows and checkpoint in one transaction. */
export function deadlineTracker(kind: DeadlineKind, deps: Pick<IssueDeps, 'em' | 'upcast'>): EventProcessor {
  const handles = new Set(kind.handles);
  const name = trackerName(kind.name);
  const ready = onceUntilFailed(() => ensureDeadlineTable(deps.em()));
  return {
    name,
    async process(events, last) {
      await ready();
      await deps.em().transactional(async (tx) => {
        const run = (sql: string, params: unknown[]) =>
          tx.getConnection().execute(sql, params, 'run', tx.getTransactionContext());
        for (const source of events) {
          if (isParked(source) || !handles.has(source.type)) continue;
          let change: DeadlineChange;
          try {
            change = kind.track(deps.upcast(source));
          } catch (error) {
            throw new EventFailedError(source, error);
          }
          if (change.set) {
            const { deadlineId, streamId, dueDate } = change.set;
            let dueAt: string;
            try {
              dueAt = dueAtOf(dueDate).toISOString();
            } catch (error) {
              throw new EventFailedError(source, error);
            }
            await run(
              `INSERT INTO ${TABLE} (kind, deadline_id, stream_id, due_date, due_at, status, source_event_id, correlation_id, unit_id) ` +
                "VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?) ON CONFLICT (kind, deadline_id) DO NOTHING",
              [
                kind.name,
                deadlineId,
                streamId,
                dueDate,
                dueAt,
                source.eventId,
                source.metadata.correlationId ?? null,
                source.metadata.unitId ?? null,
              ],
            );
          }
          if (change.settleStream)
            await run(
              `UPDATE ${TABLE} SET status = 'SETTLED' WHERE kind = ? AND stream_id = ? AND status = 'PENDING'`,
              [kind.name, change.settleStream],
            );
          for (const id of change.settle ?? [])
            await run(`UPDATE ${TABLE} SET status = 'SETTLED' WHERE kind = ? AND deadline_id = ?`, [kind.name, id]);
        }
        if (last) await saveCheckpoint(tx, name, last);
      });
    },
  };
}

function fromRow(kind: string, r: Row): PendingDeadline {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    kind,
    deadlineId: String(r.deadline_id),
    streamId: String(r.stream_id),
    dueDate: String(r.due_date),
    dueAt: String(r.due_at),
    sourceEventId: String(r.source_event_id),
    correlationId: text(r.correlation_id),
    unitId: text(r.unit_id),
  };
}

/** The pending deadlines of a kind whose day has passed at `now`, earliest first. */
export async function dueDeadlines(
  em: EntityManager,
  kind: string,
  now: Date,
  limit = 200,
): Promise<PendingDeadline[]> {
  const rows = await select(
    em,
    `SELECT * FROM ${TABLE} WHERE kind = ? AND status = 'PENDING' AND due_at <= ? ORDER BY due_at, deadline_id LIMIT ${limit}`,
    [kind, now.toISOString()],
  );
  return rows.map((r) => fromRow(kind, r));
}

export interface SchedulerOptions extends IssueDeps {
  kinds: readonly DeadlineKind[];
  /** How often the clock is looked at; 1000 ms by default. */
  intervalMs?: number;
  onError?: (kind: string, error: unknown) => void;
}

/**
 * Appends each kind's "deadline passed" event once the clock (`now`) passes a pending deadline.
 * Exactly once, also after a restart or beside another scheduler: the command id is derived from
 * the deadline, and the store answers a repeated id with its first result, writing nothing.
 */
export class DeadlineScheduler {
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<number> | null = null;
  private readonly table = onceUntilFailed(() => ensureDeadlineTable(this.options.em()));

  constructor(private readonly options: SchedulerOptions) {}

  /** One look at the clock: issues every passed deadline's command; resolves with how many events it appended. */
  async tick(): Promise<number> {
    await this.table();
    const now = this.options.now();
    let issued = 0;
    for (const kind of this.options.kinds) {
      for (const deadline of await dueDeadlines(this.options.em(), kind.name, now)) {
        try {
          const command = await kind.passed(deadline, this.options);
          if (!command) {
            await this.mark(kind.name, deadline.deadlineId, 'SETTLED');
            continue;
          }
          const result = await issue(this.options, command, deadlineCommandId(kind.name, deadline.deadlineId), {
            actorId: 'system:scheduler',
            role: SYSTEM_ROLE,
            unitId: deadline.unitId,
            correlationId: deadline.correlationId ?? deadline.sourceEventId,
            causationId: deadline.sourceEventId,
          });
          if (!result.duplicate) issued += result.events.length;
          await this.mark(kind.name, deadline.deadlineId, 'PASSED');
        } catch (error) {
          this.options.onError?.(kind.name, error);
          // the database away or a concurrent write to the stream: the next tick tries again (and
          // finds the command if another scheduler's went first); a refusal by the decider is final
          if (!(error instanceof DomainError) || error instanceof ConcurrencyError) continue;
          await this.mark(kind.name, deadline.deadlineId, 'FAILED');
        }
      }
    }
    return issued;
  }

  private async mark(kind: string, deadlineId: string, status: 'PASSED' | 'SETTLED' | 'FAILED'): Promise<void> {
    await this.options
      .em()
      .getConnection()
      .execute(`UPDATE ${TABLE} SET status = ? WHERE kind = ? AND deadline_id = ? AND status = 'PENDING'`, [
        status,
        kind,
        deadlineId,
      ]);
  }

  start(): void {
    const loop = () => {
      this.ticking = this.tick().catch((error: unknown) => {
        this.options.onError?.('scheduler', error);
        return 0;
      });
      void this.ticking.then(() => {
        if (this.timer) this.timer = setTimeout(loop, this.options.intervalMs ?? 1000);
      });
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    const timer = this.timer;
    this.timer = null;
    if (timer) clearTimeout(timer);
    await this.ticking;
  }
}
