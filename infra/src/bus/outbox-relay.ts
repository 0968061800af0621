import { Client } from 'pg';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { RecordedEvent } from '@jixiao/events';
import { eventArrayColumns, fromEventArray, type EventArray } from '../event-store/postgres-event-store';
import { schemaIdent } from '../event-store/postgres-schema';
import { createKafka, ensureTopics, type KafkaConnection } from './kafka';
import { groupByTopic, topicOfEvent } from './topics';

export interface OutboxRelayOptions {
  connectionString: string;
  /** PostgreSQL schema of the event store (and its `event_outbox`). */
  schema: string;
  kafka: KafkaConnection;
  /** Topic names are `<topicPrefix>.<stream category>`; `jixiao` by default. */
  topicPrefix?: string;
  /** Partitions of a topic the relay creates; 3 by default. */
  partitions?: number;
  /** Outbox rows per Kafka batch; 500 by default. */
  batchSize?: number;
  /** Longest wait between polls of an empty outbox (appends also wake it by NOTIFY); 250 ms. */
  idleMs?: number;
  /** Wait after an error and between attempts to take the relay lock; 1000 ms. */
  retryMs?: number;
  onError?: (error: unknown) => void;
  /** Called after each published and deleted batch (for logs and tests). */
  onPublished?: (count: number) => void;
}

/**
 * Publishes outbox rows to Kafka in outbox order, then deletes them. Only the holder of a
 * PostgreSQL session advisory lock publishes; the lock lives on the relay's own connection,
 * so a crashed relay's lock goes with its connection. A crash between publish and delete
 * publishes those events again: consumers skip them by stream version.
 */
export class OutboxRelay {
  private readonly s: string;
  private readonly kafka: Kafka;
  private producer: Producer | null = null;
  private knownTopics = new Set<string>();
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** True while this relay holds the lock and publishes. */
  leader = false;
  /** Events published so far (counting republished ones). */
  published = 0;
  /** Attempts to take the lock so far. */
  lockAttempts = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.s = schemaIdent(options.schema);
    this.kafka = createKafka({ clientId: 'jixiao-relay', ...options.kafka });
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await this.producer?.disconnect().catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const client = new Client({ connectionString: this.options.connectionString });
      client.on('error', () => undefined); // a lost connection fails the next query, handled below
      client.on('notification', () => this.wake?.());
      try {
        await client.connect();
        await client.query(`LISTEN "jixiao_events_${this.options.schema}"`);
        if (!(await this.takeLock(client))) continue;
        this.leader = true;
        await this.publishLoop(client);
      } catch (error) {
        if (!this.stopped) this.options.onError?.(error);
        if (!this.stopped) await this.idle(this.options.retryMs ?? 1000);
      } finally {
        this.leader = false;
        await client.end().catch(() => undefined); // ends the session: the lock is released
      }
    }
  }

  /** Waits for the advisory lock; false if stopped first. */
  private async takeLock(client: Client): Promise<boolean> {
    while (!this.stopped) {
      this.lockAttempts++;
      const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
        `jixiao-outbox-relay-${this.options.schema}`,
      ]);
      if (r.rows[0]?.ok) return true;
      await this.idle(this.options.retryMs ?? 1000);
    }
    return false;
  }

  private async publishLoop(client: Client): Promise<void> {
    while (!this.stopped) {
      // the event's columns, then the outbox row's id
      const r = await client.query<EventArray>({
        text: `SELECT ${eventArrayColumns()}, o.outbox_id::text
         FROM ${this.s}.event_outbox o JOIN ${this.s}.events e USING (global_position)
         ORDER BY o.outbox_id LIMIT $1`,
        values: [this.options.batchSize ?? 500],
        rowMode: 'array',
      });
      if (r.rows.length === 0) {
        await this.idle(this.options.idleMs ?? 250);
        continue;
      }
      try {
        await this.publish(r.rows.map(fromEventArray));
      } catch (error) {
        // Kafka unreachable: keep the lock and the rows, drop the producer, try again
        this.options.onError?.(error);
        await this.producer?.disconnect().catch(() => undefined);
        this.producer = null;
        await this.idle(this.options.retryMs ?? 1000);
        continue;
      }
      await client.query(`DELETE FROM ${this.s}.event_outbox WHERE outbox_id = ANY($1::bigint[])`, [
        r.rows.map((row) => row[12]),
      ]);
      this.published += r.rows.length;
      this.options.onPublished?.(r.rows.length);
    }
  }

  private async publish(events: RecordedEvent[]): Promise<void> {
    const prefix = this.options.topicPrefix ?? 'jixiao';
    const topics = [...new Set(events.map((e) => topicOfEvent(prefix, e)))];
    const missing = topics.filter((t) => !this.knownTopics.has(t));
    if (missing.length > 0) {
      const admin = this.kafka.admin();
      await admin.connect();
      try {
        await ensureTopics(admin, missing, this.options.partitions ?? 3);
      } finally {
        await admin.disconnect();
      }
      missing.forEach((t) => this.knownTopics.add(t));
    }
    if (!this.producer) {
      // idempotent, one request in flight: the broker drops retried duplicates and keeps order
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    await this.producer.sendBatch({ topicMessages: groupByTopic(prefix, events), acks: -1 });
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
