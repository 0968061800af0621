import { derivedId, type RecordedEvent } from '@jixiao/events';
import type { EntityManager } from '@mikro-orm/core';
import type { Projection } from '../projection';

/**
 * Dead letters. A processor (a projection, a reaction, a deadline tracker) whose own code throws on
 * an event retries the event a bounded number of times, then parks it: a dead-letter row names the
 * processor, the event and the error, and the batch goes on without it. Events of the same stream
 * that come after a parked one are parked behind it (without being tried): a document never skips
 * an event silently, and a replay after the fix applies them in their order. Failures that are not
 * the processor's own (the database away) are not parked: they go back to the caller, which retries.
 */

/** How often a failing event is tried before it is parked, and the pause between tries. */
export interface ParkingSettings {
  maxAttempts: number;
  retryDelayMs: number;
  /** Told of each event parked after its attempts; `console.error` by default. */
  log?: (line: string) => void;
}

export const DEFAULT_PARKING: ParkingSettings = { maxAttempts: 3, retryDelayMs: 200 };

/** `JIXIAO_MAX_ATTEMPTS` (1–100, default 3) and `JIXIAO_RETRY_DELAY_MS` (0–60000, default 200). */
export function parkingSettingsOf(env: NodeJS.ProcessEnv): ParkingSettings {
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`配置有误 (invalid configuration): ${name} 须为 ${min}–${max} 的整数 (an integer ${min}–${max})`);
    return n;
  };
  return {
    maxAttempts: int('JIXIAO_MAX_ATTEMPTS', DEFAULT_PARKING.maxAttempts, 1, 100),
    retryDelayMs: int('JIXIAO_RETRY_DELAY_MS', DEFAULT_PARKING.retryDelayMs, 0, 60000),
  };
}

/** The processor's own code failed on this event (as opposed to the database or the transport). */
export class EventFailedError extends Error {
  constructor(
    readonly event: RecordedEvent,
    readonly reason: unknown,
  ) {
    super(`${event.type} ${event.streamId} v${event.streamVersion}: ${messageOf(reason)}`);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A projection whose `evolve` reports a throw as an `EventFailedError` naming the event (what parking reads). */
export function guarded<P extends Projection>(projection: P): P {
  const evolve = projection.evolve as (doc: unknown, event: RecordedEvent, ...rest: unknown[]) => unknown;
  return {
    ...projection,
    evolve: (doc: unknown, event: RecordedEvent, ...rest: unknown[]) => {
      try {
        return evolve.call(projection, doc, event, ...rest);
      } catch (error) {
        throw new EventFailedError(event, error);
      }
    },
  };
}

/** The type a parked event is handed on as: no processor handles it, but it still moves the checkpoint. */
export const PARKED_TYPE = '$parked';

export const isParked = (event: RecordedEvent) => event.type === PARKED_TYPE;

/** A dead-letter row. `behind` names the parked event of the same stream it waits for (null for the failing one). */
export interface DeadLetter {
  id: string;
  processor: string;
  eventId: string;
  streamId: string;
  streamVersion: number;
  eventType: string;
  globalPosition: number;
  transactionId: number;
  error: string;
  attempts: number;
  behind: string | null;
  firstFailedAt: string;
  lastFailedAt: string;
}

/** The dead letter's id: one per processor and event, so parking the same event twice writes one row. */
export const deadLetterId = (processor: string, eventId: string) =>
  derivedId(`jixiao.dead-letter:${processor}:${eventId}`);

const TABLE = 'rm_dead_letter';
const COLUMNS =
  'id, processor, event_id, stream_id, stream_version, event_type, global_position, transaction_id, error, attempts, behind, first_failed_at, last_failed_at';

/** Creates the dead-letter table if missing (same SQL on SQLite and PostgreSQL). */
export async function ensureDeadLetterTable(em: EntityManager): Promise<void> {
  const conn = em.getConnection();
  await conn.execute(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (id varchar(36) PRIMARY KEY, processor varchar(255) NOT NULL, ` +
      'event_id varchar(36) NOT NULL, stream_id varchar(255) NOT NULL, stream_version integer NOT NULL, ' +
      'event_type varchar(255) NOT NULL, global_position bigint NOT NULL, transaction_id bigint NOT NULL, ' +
      'error text NOT NULL, attempts integer NOT NULL, behind varchar(36), first_failed_at varchar(30) NOT NULL, ' +
      'last_failed_at varchar(30) NOT NULL)',
  );
  await conn.execute(`CREATE INDEX IF NOT EXISTS ${TABLE}_stream ON ${TABLE} (processor, stream_id, stream_version)`);
}

type Row = Record<string, unknown>;

/** Rows of a raw query (the same SQL on SQLite and PostgreSQL; `?` placeholders). */
async function select(em: EntityManager, sql: string, params: unknown[] = []): Promise<Row[]> {
  return (await em.getConnection().execute(sql, params, 'all')) as Row[];
}

function fromRow(r: Row): DeadLetter {
  return {
    id: String(r.id),
    processor: String(r.processor),
    eventId: String(r.event_id),
    streamId: String(r.stream_id),
    streamVersion: Number(r.stream_version),
    eventType: String(r.event_type),
    globalPosition: Number(r.global_position),
    transactionId: Number(r.transaction_id),
    error: String(r.error),
    attempts: Number(r.attempts),
    behind: r.behind === null || r.behind === undefined ? null : String(r.behind),
    firstFailedAt: String(r.first_failed_at),
    lastFailedAt: String(r.last_failed_at),
  };
}

/** The dead letters, oldest first (by stream version within a stream); of one processor when named. */
export async function listDeadLetters(em: EntityManager, processor?: string): Promise<DeadLetter[]> {
  const where = processor ? ' WHERE processor = ?' : '';
  const rows = await select(
    em,
    `SELECT ${COLUMNS} FROM ${TABLE}${where} ORDER BY processor, global_position, stream_version`,
    processor ? [processor] : [],
  );
  return rows.map(fromRow);
}

/** One dead letter by id, or null. */
export async function findDeadLetter(em: EntityManager, id: string): Promise<DeadLetter | null> {
  const rows = await select(em, `SELECT ${COLUMNS} FROM ${TABLE} WHERE id = ?`, [id]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/** The dead letters of one processor and stream, in stream order (what a replay applies). */
export async function deadLettersOfStream(em: EntityManager, processor: string, streamId: string) {
  const rows = await select(
    em,
    `SELECT ${COLUMNS} FROM ${TABLE} WHERE processor = ? AND stream_id = ? ORDER BY stream_version`,
    [processor, streamId],
  );
  return rows.map(fromRow);
}

/** Removes dead letters once their events are applied. */
export async function removeDeadLetters(em: EntityManager, ids: readonly string[]): Promise<void> {
  for (const id of ids) await em.getConnection().execute(`DELETE FROM ${TABLE} WHERE id = ?`, [id]);
}

/**
 * Forgets a processor's dead letters: for one that starts again from the beginning of the log (its
 * read models dropped and rebuilt), which will meet every parked event anew.
 */
export async function clearDeadLetters(em: EntityManager, processor: string): Promise<void> {
  await ensureDeadLetterTable(em);
  await em.getConnection().execute(`DELETE FROM ${TABLE} WHERE processor = ?`, [processor]);
}

/** Records a dead letter; a second record of the same processor and event changes nothing. */
export async function recordDeadLetter(em: EntityManager, letter: DeadLetter): Promise<void> {
  await em
    .getConnection()
    .execute(
      `INSERT INTO ${TABLE} (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      [
        letter.id,
        letter.processor,
        letter.eventId,
        letter.streamId,
        letter.streamVersion,
        letter.eventType,
        letter.globalPosition,
        letter.transactionId,
        letter.error.slice(0, 4000),
        letter.attempts,
        letter.behind,
        letter.firstFailedAt,
        letter.lastFailedAt,
      ],
    );
}

/** The streams with dead letters of this processor: their later events wait behind. */
async function blockedStreams(em: EntityManager, processor: string): Promise<Set<string>> {
  const rows = await select(em, `SELECT DISTINCT stream_id FROM ${TABLE} WHERE processor = ?`, [processor]);
  return new Set(rows.map((r) => String(r.stream_id)));
}

/** Tries counted per event, in memory: a restart starts the count again, which only adds tries. */
interface Tries {
  attempts: number;
  first: string;
}

/**
 * One processor's parking: `run(batch, apply)` hands `apply` the batch with parked events masked
 * (`PARKED_TYPE`), retries an event `apply` fails on (an `EventFailedError`) up to `maxAttempts`
 * times, then parks it and its stream's later events, and applies the rest.
 */
export class Parking {
  private readonly tries = new Map<string, Tries>();
  private blocked: Set<string> | null = null;
  private blockedReadAt = 0;
  private table: Promise<void> | null = null;

  constructor(
    private readonly em: EntityManager,
    readonly processor: string,
    private readonly settings: ParkingSettings = DEFAULT_PARKING,
    private readonly now: () => Date = () => new Date(),
    /** How long the list of blocked streams is trusted before it is read again (another process may replay). */
    private readonly refreshMs = 2000,
  ) {}

  async run(batch: readonly RecordedEvent[], apply: (events: RecordedEvent[]) => Promise<void>): Promise<void> {
    let events = await this.parkBehind([...batch]);
    for (;;) {
      try {
        await apply(events);
        for (const e of events) this.tries.delete(e.eventId);
        return;
      } catch (error) {
        if (!(error instanceof EventFailedError)) throw error;
        const failed = events.find((e) => e.eventId === error.event.eventId);
        if (!failed) throw error;
        const t = this.tries.get(failed.eventId) ?? { attempts: 0, first: this.now().toISOString() };
        t.attempts += 1;
        this.tries.set(failed.eventId, t);
        if (t.attempts < this.settings.maxAttempts) {
          await sleep(this.settings.retryDelayMs);
          continue;
        }
        await this.park(failed, messageOf(error.reason), t, null);
        this.tries.delete(failed.eventId);
        events = await this.parkBehind(events.map((e) => (e === failed ? masked(e) : e)));
      }
    }
  }

  /** Parks (masks) every event of a blocked stream; the first parked event of the stream is what they wait for. */
  private async parkBehind(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const blocked = await this.blockedNow();
    if (blocked.size === 0) return events;
    const out: RecordedEvent[] = [];
    for (const e of events) {
      if (isParked(e) || !blocked.has(e.streamId)) {
        out.push(e);
        continue;
      }
      // read again: a replay in another process may have emptied the stream's dead letters meanwhile
      const waiting = await deadLettersOfStream(this.em.fork(), this.processor, e.streamId);
      if (waiting.length === 0) {
        blocked.delete(e.streamId);
        out.push(e);
        continue;
      }
      if (!waiting.some((w) => w.eventId === e.eventId)) {
        const head = waiting.find((w) => w.behind === null) ?? waiting[0]!;
        const stamp = this.now().toISOString();
        await this.park(
          e,
          `等待前序事件 ${head.eventId} (waiting behind parked event ${head.eventId})`,
          {
            attempts: 0,
            first: stamp,
          },
          head.eventId,
        );
      }
      out.push(masked(e));
    }
    return out;
  }

  private async park(event: RecordedEvent, error: string, t: Tries, behind: string | null): Promise<void> {
    await recordDeadLetter(this.em.fork(), {
      id: deadLetterId(this.processor, event.eventId),
      processor: this.processor,
      eventId: event.eventId,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      eventType: event.type,
      globalPosition: event.globalPosition,
      transactionId: event.transactionId,
      error,
      attempts: t.attempts,
      behind,
      firstFailedAt: t.first,
      lastFailedAt: this.now().toISOString(),
    });
    (await this.blockedNow()).add(event.streamId);
    if (behind === null)
      (this.settings.log ?? console.error)(
        `${this.processor}: parked ${event.type} ${event.streamId} v${event.streamVersion} after ${t.attempts} attempts: ${error}`,
      );
  }

  private async blockedNow(): Promise<Set<string>> {
    await (this.table ??= ensureDeadLetterTable(this.em.fork()).catch((error: unknown) => {
      this.table = null;
      throw error;
    }));
    const at = Date.now();
    if (!this.blocked || at - this.blockedReadAt > this.refreshMs) {
      this.blocked = await blockedStreams(this.em.fork(), this.processor);
      this.blockedReadAt = at;
    }
    return this.blocked;
  }
}

/** The event as handed on once parked: its place in the log, no type any processor handles. */
export function masked(event: RecordedEvent): RecordedEvent {
  return { ...event, type: PARKED_TYPE };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
