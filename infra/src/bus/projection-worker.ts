import { appendFileSync } from 'node:fs';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { EventCatalog, EventStore, RecordedEvent } from '@jixiao/events';
import {
  applyBatch,
  guarded,
  Parking,
  reportApplied,
  type OnApplied,
  type ParkingSettings,
  type Projection,
} from '@jixiao/projections';
import { createKafka, ensureTopics, type KafkaConnection } from './kafka';
import { fromMessage, topicFor } from './topics';

export interface ProjectionWorkerOptions {
  kafka: KafkaConnection;
  orm: MikroORM;
  catalog: EventCatalog;
  projection: Projection;
  /** Stream categories to read; one topic each. */
  categories: readonly string[];
  /** Fills per-stream version gaps from the event store (see `applyBatch`'s `fillGap`). */
  store: Pick<EventStore, 'readStream'>;
  /** `jixiao` by default: topics `<prefix>.<category>`, consumer group `<prefix>.projection.<name>`. */
  topicPrefix?: string;
  /** Partitions of a topic the worker creates; 3 by default. */
  partitions?: number;
  /** Consumer session timeout; a killed worker's partitions move after it. 10 000 ms by default. */
  sessionTimeoutMs?: number;
  /** Called after each applied batch (for logs and tests). */
  onBatch?: (info: { topic: string; partition: number; events: number }) => void;
  /**
   * Called after each batch once its read-model transaction and its Kafka offsets are committed,
   * with the batch's events this projection handles — e.g. `publishApplied(redis, name, events)`
   * (service-kit) for live subscriptions. A rejection is logged; the batch is not redone.
   */
  onApplied?: OnApplied;
  /** Called for each lost event read back from the store (a version gap); the default logs a warning. */
  onHealed?: (event: RecordedEvent) => void;
  /**
   * A file to which each batch's read-model transaction is journaled: `begin <xid>` once the
   * transaction holds its PostgreSQL transaction id (before any row is written), then
   * `commit <xid>` or `failed <xid>`. A `begin` with neither, whose id PostgreSQL reports as
   * aborted (`pg_xact_status`), is a transaction the process died inside: the kill fault test
   * counts them to prove its kills landed mid-batch. Off by default (`JIXIAO_BATCH_JOURNAL`).
   */
  journal?: string;
  /** How often an event the projection throws on is tried before it is parked as a dead letter. */
  parking?: ParkingSettings;
}

/** The warning a worker prints when it reads a lost event back from the store. */
export function healedMessage(e: RecordedEvent): string {
  return `healed lost event ${e.streamId} v${e.streamVersion} from the event store (version gap in Kafka)`;
}

/** The consumer group of a projection: one group per projection, so each reads every event. */
export function groupIdOf(prefix: string, projection: string): string {
  return `${prefix}.projection.${projection}`;
}

/**
 * One member of a projection's Kafka consumer group. Each fetched batch is applied with
 * `applyBatch` (rows and a per-partition checkpoint in one transaction); only then is the
 * Kafka offset committed. A crash in between redelivers the batch, and the documents'
 * `lastVersion` makes the redelivery change nothing.
 */
export class ProjectionWorker {
  private readonly kafka: Kafka;
  private consumer: Consumer | null = null;
  /** The projection as applied (a throw in `evolve` names its event) and its dead letters. */
  private readonly applied: Projection;
  private readonly parking: Parking;

  constructor(private readonly options: ProjectionWorkerOptions) {
    this.applied = guarded(options.projection);
    this.parking = new Parking(options.orm.em, options.projection.name, options.parking);
    this.kafka = createKafka({ clientId: `jixiao-worker-${options.projection.name}`, ...options.kafka });
  }

  get groupId(): string {
    return groupIdOf(this.options.topicPrefix ?? 'jixiao', this.options.projection.name);
  }

  get topics(): string[] {
    return this.options.categories.map((c) => topicFor(this.options.topicPrefix ?? 'jixiao', c));
  }

  async start(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, this.topics, this.options.partitions ?? 3);
    } finally {
      await admin.disconnect();
    }
    const session = this.options.sessionTimeoutMs ?? 10000;
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: session,
      heartbeatInterval: Math.max(100, Math.floor(session / 5)),
      rebalanceTimeout: Math.max(session * 2, 10000),
      allowAutoTopicCreation: false,
      // a fetch answers as soon as a message arrives; the wait only bounds how long a stop waits
      maxWaitTimeInMs: 1000,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatch: (payload) => this.onBatch(consumer, payload) });
  }

  private async onBatch(consumer: Consumer, { batch, heartbeat }: EachBatchPayload): Promise<void> {
    const lastMessage = batch.messages[batch.messages.length - 1];
    if (!lastMessage) return;
    const { projection, orm, catalog, store } = this.options;
    const events = batch.messages.map((m) => fromMessage(m.value));
    const journal = this.options.journal;
    let xid: string | undefined;
    const note = (what: string) => journal && xid && appendFileSync(journal, `${what} ${xid}\n`);
    const apply = (evs: RecordedEvent[]) =>
      applyBatch(orm.em, this.applied, catalog, evs, {
        checkpointName: `${projection.name}@${batch.topic}/${batch.partition}`,
        fillGap: (streamId, fromVersion, toVersion) => store.readStream(streamId, { fromVersion, toVersion }),
        onHealed: this.options.onHealed ?? ((e) => console.warn(`${projection.name}: ${healedMessage(e)}`)),
        onBegin: journal
          ? async (tx) => {
              xid = await transactionIdOf(tx);
              note('begin');
            }
          : undefined,
      });
    await this.parking.run(events, apply).catch((error: unknown) => {
      note('failed');
      throw error;
    });
    note('commit');
    // only after the read-model transaction committed
    await consumer.commitOffsets([
      { topic: batch.topic, partition: batch.partition, offset: (BigInt(lastMessage.offset) + 1n).toString() },
    ]);
    await heartbeat();
    reportApplied(this.options.onApplied, projection, events);
    this.options.onBatch?.({ topic: batch.topic, partition: batch.partition, events: events.length });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }
}

/** The PostgreSQL transaction id of the entity manager's transaction (assigned on first call). */
async function transactionIdOf(tx: EntityManager): Promise<string> {
  const rows = await (tx as SqlEntityManager).execute<{ id: string }[]>('SELECT pg_current_xact_id()::text AS id');
  return rows[0]!.id;
}
