import { createHash } from 'node:crypto';
import { Pool, type QueryConfig } from 'pg';
import type { PreparedEvent } from './prepare';

/** What one append statement does besides inserting the events. */
export interface AppendShape {
  /** The stream has no head yet (expected version 0): insert it, or do nothing if another writer did. */
  newStream: boolean;
  /** Distributed mode: one `event_outbox` row per event, in the same statement. */
  outbox: boolean;
  /** An idempotency key to record in `event_commands`. */
  command: boolean;
}

/**
 * One append as one statement of data-modifying CTEs, run outside an explicit transaction (so one
 * round trip, atomic as every statement is): move the stream head only if it is still where the
 * writer saw it — version and hash, so the chain the events were hashed against is the one stored —
 * and insert the events, outbox rows and command row only if it moved. Under READ COMMITTED a
 * concurrent writer's head update blocks this one, which then re-checks the head and finds it moved;
 * two writers creating the same stream meet at `ON CONFLICT DO NOTHING`. No row back means the head
 * was elsewhere: the caller reads it and decides between a retry and a ConcurrencyError.
 */
export function appendStatement(s: string, shape: AppendShape): string {
  const head = shape.newStream
    ? `INSERT INTO ${s}.event_streams (stream_id, version, last_hash) VALUES ($1, $4, $5)
       ON CONFLICT (stream_id) DO NOTHING RETURNING stream_id`
    : `UPDATE ${s}.event_streams SET version = $4, last_hash = $5
       WHERE stream_id = $1 AND version = $6 AND last_hash = $7 RETURNING stream_id`;
  const fromVersion = shape.newStream ? '1' : '$6 + 1';
  const parts = [
    `head AS (${head})`,
    `ins AS (
       INSERT INTO ${s}.events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, previous_hash, hash, command_id)
       SELECT e.event_id, $1, e.stream_version, e.type, e.schema_version, e.data, e.metadata, e.recorded_at, e.previous_hash, e.hash, $2
       FROM json_to_recordset($3::json) AS e(event_id uuid, stream_version int, type text, schema_version int, data json,
            metadata json, recorded_at timestamptz, previous_hash text, hash text)
       WHERE EXISTS (SELECT 1 FROM head)
       ORDER BY e.stream_version
       RETURNING global_position, transaction_id)`,
  ];
  // outbox_id follows stream order, as the relay publishes in outbox order
  if (shape.outbox)
    parts.push(
      `outbox AS (INSERT INTO ${s}.event_outbox (global_position) SELECT global_position FROM ins ORDER BY 1)`,
    );
  // the command type comes after the other parameters, whose count depends on the stream being new
  const commandType = shape.newStream ? '$6' : '$8';
  if (shape.command)
    parts.push(`cmd AS (
       INSERT INTO ${s}.event_commands (command_id, stream_id, from_version, to_version, command_type)
       SELECT $2, $1, ${fromVersion}, $4, ${commandType}::text FROM head)`);
  return `WITH ${parts.join(',\n')}
    SELECT global_position::text AS global_position, transaction_id::text AS transaction_id FROM ins`;
}

/** The parameters `appendStatement` expects, in order. */
export function appendParams(
  streamId: string,
  command: { commandId?: string; commandType?: string },
  events: PreparedEvent[],
  head: { version: number; hash: string },
): unknown[] {
  const last = events[events.length - 1]!;
  const { commandId, commandType } = command;
  const params = [streamId, commandId ?? null, JSON.stringify(events.map(eventRowOf)), last.streamVersion, last.hash];
  const withHead = head.version === 0 ? params : [...params, head.version, head.hash];
  return commandId ? [...withHead, commandType ?? null] : withHead;
}

/** A named (server-side prepared) query: parsed and planned once per connection. */
export function namedQuery(text: string, values: unknown[]): QueryConfig {
  const name = `jixiao_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  return { name, text, values };
}

/**
 * The last known (version, hash) per stream, learnt from reads and appends. A stream's event at a
 * version never changes, so an entry is never wrong, only possibly behind the head; the append
 * statement checks it against the stored head anyway. Bounded; the oldest entries go first.
 */
export class StreamHeads {
  private readonly heads = new Map<string, { version: number; hash: string }>();

  constructor(private readonly capacity = 10_000) {}

  /** The hash of the stream's event at `version`, if known. */
  hashAt(streamId: string, version: number): string | undefined {
    const known = this.heads.get(streamId);
    return known?.version === version ? known.hash : undefined;
  }

  remember(streamId: string, version: number, hash: string): void {
    const known = this.heads.get(streamId);
    if (known && known.version > version) return;
    this.heads.delete(streamId);
    this.heads.set(streamId, { version, hash });
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value!);
  }
}

/**
 * Wakes listeners after a commit, outside the appending transaction. A NOTIFY inside it would take
 * PostgreSQL's global notify lock until the commit record is flushed, so every appending commit
 * would wait for the previous one's fsync (no group commit). Notifications here are only a hint —
 * subscribers and the outbox relay poll anyway — so they are coalesced: at most one in flight,
 * carrying the highest position committed so far, at most one every few milliseconds, on a
 * connection of their own so that they never hold up an append waiting for the pool.
 */
export class CommitNotifier {
  private connection: Pool | null = null;
  private closed = false;
  private sending: Promise<void> | null = null;
  private pending: number | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly gapMs = 5,
  ) {}

  notify(globalPosition: number): void {
    if (this.closed) return; // an append that finished while the store closed: nobody to open a connection for
    this.pending = Math.max(this.pending ?? 0, globalPosition);
    this.sending ??= this.flush();
  }

  /** Sends what is pending, then closes the notification connection. */
  async close(): Promise<void> {
    this.closed = true;
    await this.sending;
    await this.connection?.end().catch(() => undefined);
    this.connection = null;
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending !== null) {
        const position = this.pending;
        this.pending = null;
        if (!this.connection) {
          // a pool of one reconnects by itself after a lost connection
          this.connection = new Pool({ connectionString: this.connectionString, max: 1 });
          this.connection.on('error', () => undefined);
        }
        await this.connection
          .query('SELECT pg_notify($1, $2)', [this.channel, String(position)])
          .catch(() => undefined);
        // a short gap lets a burst of commits share one notification
        if (this.pending !== null) await new Promise((resolve) => setTimeout(resolve, this.gapMs));
      }
    } finally {
      this.sending = null;
    }
  }
}

/** An event as one row of the JSON the append statements read (`json_to_recordset`), by column name. */
function eventRowOf(e: PreparedEvent) {
  return {
    event_id: e.eventId,
    stream_version: e.streamVersion,
    type: e.type,
    schema_version: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
    recorded_at: e.recordedAt,
    previous_hash: e.previousHash,
    hash: e.hash,
  };
}
