import { Pool, type PoolClient, type PoolConfig } from 'pg';
import {
  ConcurrencyError,
  GENESIS_HASH,
  pollingSubscription,
  verifyChain,
  type AppendOptions,
  type AppendResult,
  type BatchAppend,
  type Checkpoint,
  type EventCatalog,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type VerifyResult,
} from '@jixiao/events';
import { appendBatchPostgres, batchConflict } from './postgres-batch';
import { chainEvents, checkExpectedVersion, EVENT_COLUMNS, fromRow, validateAll, type EventRow } from './prepare';
import { postgresEventSchema, schemaIdent } from './postgres-schema';
import { PgAppendListener } from './postgres-listener';

export interface PostgresEventStoreOptions {
  /** e.g. `postgres://root@127.0.0.1:5432/test` */
  connectionString: string;
  /** The PostgreSQL schema holding the tables; `jixiao` by default. */
  schema?: string;
  catalog: EventCatalog;
  pool?: Omit<PoolConfig, 'connectionString'>;
  /**
   * Distributed mode: also write one `event_outbox` row per event in the append's own
   * transaction, for the outbox relay to publish to Kafka (see infra/README.md).
   */
  outbox?: boolean;
}

const COLUMNS = EVENT_COLUMNS.replace('transaction_id', 'transaction_id::text AS transaction_id');

/**
 * The distributed event store. Subscribers read only events whose writing transaction
 * is older than every transaction still in flight (`pg_snapshot_xmin`), ordered by
 * transaction id then position, so a slow commit is never skipped.
 */
export class PostgresEventStore implements EventStore {
  readonly pool: Pool;
  readonly schema: string;
  private readonly s: string;
  private readonly channel: string;
  private listener: PgAppendListener | null = null;

  private constructor(readonly options: PostgresEventStoreOptions) {
    this.schema = options.schema ?? 'jixiao';
    this.s = schemaIdent(this.schema);
    this.channel = `jixiao_events_${this.schema}`;
    this.pool = new Pool({ connectionString: options.connectionString, max: 20, ...options.pool });
    // a connection lost (e.g. a server restart) must not crash the process: a query on it
    // fails and its caller sees that error; the pool opens a new connection for the next one
    this.pool.on('error', () => undefined);
    this.pool.on('connect', (client) => client.on('error', () => undefined));
  }

  /** Connects and creates the tables and triggers if they are missing. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    const client = await store.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`jixiao-ddl-${store.schema}`]);
      await client.query(postgresEventSchema(store.schema));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return store;
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const validated = validateAll(this.options.catalog, events);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await this.appendInTransaction(client, streamId, validated, options);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const pgError = error as { code?: string; constraint?: string };
      if (pgError.code === '23505' && pgError.constraint === 'event_commands_pkey' && options.commandId) {
        return (await this.findCommand(options.commandId))!;
      }
      if (
        pgError.code === '23505' &&
        (pgError.constraint === 'events_stream_version' || pgError.constraint === 'event_streams_pkey')
      ) {
        const head = await this.head(streamId);
        throw new ConcurrencyError(
          streamId,
          options.expectedVersion === 'any' ? -1 : options.expectedVersion,
          head?.version ?? 0,
        );
      }
      throw error;
    } finally {
      client.release();
    }
  }

  async appendBatch(appends: BatchAppend[]): Promise<AppendResult[]> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const results = await appendBatchPostgres(client, this.s, this.options.catalog, appends);
      const written = results.flatMap((r) => (r.duplicate ? [] : r.events));
      if (this.options.outbox && written.length > 0) {
        // the bulk path feeds Kafka too: outbox rows in the same transaction, in position order
        await client.query(
          `INSERT INTO ${this.s}.event_outbox (global_position) SELECT unnest($1::bigint[]) ORDER BY 1`,
          [written.map((e) => e.globalPosition)],
        );
      }
      const last = results.flatMap((r) => r.events).at(-1);
      if (last) await client.query('SELECT pg_notify($1, $2)', [this.channel, String(last.globalPosition)]);
      await client.query('COMMIT');
      return results;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw batchConflict(error) ?? error;
    } finally {
      client.release();
    }
  }

  private async appendInTransaction(
    client: PoolClient,
    streamId: string,
    validated: ReturnType<typeof validateAll>,
    options: AppendOptions,
  ): Promise<AppendResult> {
    const earlier = options.commandId ? await this.findCommand(options.commandId, client) : null;
    if (earlier) return earlier;
    const headRow = await client.query<{ version: number; hash: string }>(
      `SELECT version, last_hash AS hash FROM ${this.s}.event_streams WHERE stream_id = $1 FOR UPDATE`,
      [streamId],
    );
    const head = headRow.rows[0] ?? { version: 0, hash: GENESIS_HASH };
    checkExpectedVersion(streamId, options.expectedVersion, head.version);
    if (validated.length === 0) return { nextExpectedVersion: head.version, events: [], duplicate: false };
    const prepared = chainEvents(streamId, validated, head, options.metadata, options.recordedAt ?? new Date());
    const inserted = await client.query<{ global_position: string; transaction_id: string }>(
      `INSERT INTO ${this.s}.events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, previous_hash, hash, command_id)
       SELECT e.event_id, $1, e.stream_version, e.type, e.schema_version, e.data, e.metadata, e.recorded_at, e.previous_hash, e.hash, $2
       FROM jsonb_to_recordset($3::jsonb) AS e(event_id uuid, stream_version int, type text, schema_version int, data jsonb,
            metadata jsonb, recorded_at timestamptz, previous_hash text, hash text)
       ORDER BY e.stream_version
       RETURNING global_position, transaction_id::text AS transaction_id`,
      [
        streamId,
        options.commandId ?? null,
        JSON.stringify(
          prepared.map((e) => ({
            event_id: e.eventId,
            stream_version: e.streamVersion,
            type: e.type,
            schema_version: e.schemaVersion,
            data: e.data,
            metadata: e.metadata,
            recorded_at: e.recordedAt,
            previous_hash: e.previousHash,
            hash: e.hash,
          })),
        ),
      ],
    );
    const positions = inserted.rows
      .map((r) => ({ p: Number(r.global_position), t: Number(r.transaction_id) }))
      .sort((a, b) => a.p - b.p);
    const recorded: RecordedEvent[] = prepared.map((e, i) => ({
      ...e,
      globalPosition: positions[i]!.p,
      transactionId: positions[i]!.t,
    }));
    const last = recorded[recorded.length - 1]!;
    if (head.version === 0) {
      await client.query(`INSERT INTO ${this.s}.event_streams (stream_id, version, last_hash) VALUES ($1, $2, $3)`, [
        streamId,
        last.streamVersion,
        last.hash,
      ]);
    } else {
      await client.query(`UPDATE ${this.s}.event_streams SET version = $2, last_hash = $3 WHERE stream_id = $1`, [
        streamId,
        last.streamVersion,
        last.hash,
      ]);
    }
    if (this.options.outbox) {
      // same transaction as the events: both commit or neither does; outbox_id follows stream order
      await client.query(
        `INSERT INTO ${this.s}.event_outbox (global_position) SELECT unnest($1::bigint[]) ORDER BY 1`,
        [positions.map((p) => p.p)],
      );
    }
    if (options.commandId) {
      await client.query(
        `INSERT INTO ${this.s}.event_commands (command_id, stream_id, from_version, to_version) VALUES ($1, $2, $3, $4)`,
        [options.commandId, streamId, head.version + 1, last.streamVersion],
      );
    }
    await client.query('SELECT pg_notify($1, $2)', [this.channel, String(last.globalPosition)]);
    return { nextExpectedVersion: last.streamVersion, events: recorded, duplicate: false };
  }

  async findCommand(commandId: string, client: PoolClient | Pool = this.pool): Promise<AppendResult | null> {
    const seen = await client.query<{ stream_id: string; from_version: number; to_version: number }>(
      `SELECT stream_id, from_version, to_version FROM ${this.s}.event_commands WHERE command_id = $1`,
      [commandId],
    );
    const row = seen.rows[0];
    if (!row) return null;
    const events = await this.readStream(row.stream_id, { fromVersion: row.from_version, toVersion: row.to_version });
    return { nextExpectedVersion: row.to_version, events, duplicate: true };
  }

  private async head(streamId: string): Promise<{ version: number; hash: string } | null> {
    const r = await this.pool.query<{ version: number; hash: string }>(
      `SELECT version, last_hash AS hash FROM ${this.s}.event_streams WHERE stream_id = $1`,
      [streamId],
    );
    return r.rows[0] ?? null;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const r = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.s}.events WHERE stream_id = $1 AND stream_version BETWEEN $2 AND $3 ORDER BY stream_version`,
      [streamId, options.fromVersion ?? 1, options.toVersion ?? 2147483647],
    );
    return r.rows.map(fromRow);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const r = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.s}.events WHERE global_position >= $1 ORDER BY global_position LIMIT $2`,
      [options.fromPosition ?? 1, options.limit ?? null],
    );
    return r.rows.map(fromRow);
  }

  async readCommitted(after: Checkpoint, limit: number): Promise<RecordedEvent[]> {
    const r = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.s}.events
       WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY transaction_id, global_position LIMIT $3`,
      [String(after.transactionId), after.globalPosition, limit],
    );
    return r.rows.map(fromRow);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.listener ??= new PgAppendListener(this.options.connectionString, this.channel);
    const listener = this.listener;
    return pollingSubscription(
      { readCommitted: (after, limit) => this.readCommitted(after, limit), waitForAppend: (ms) => listener.wait(ms) },
      options.from,
      options.batchSize,
    );
  }

  async verifyStream(streamId: string): Promise<VerifyResult> {
    const [events, head] = await Promise.all([this.readStream(streamId), this.head(streamId)]);
    return verifyChain(streamId, events, head);
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listener?.close();
    await this.pool.end();
  }
}
