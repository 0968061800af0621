import type { EntityManager, MikroORM } from '@mikro-orm/core';
import {
  isAfter,
  START,
  type Checkpoint,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@jixiao/events';
import {
  clearDeadLetters,
  Parking,
  ProjectionCheckpointSchema,
  type ParkingSettings,
  type ProjectionCheckpoint,
  type ReplayTarget,
} from '@jixiao/projections';
import { randomUUID } from 'node:crypto';

/**
 * Something fed from the log like a projection, but not a read model of the query side: a
 * reaction, a deadline tracker. It is handed every batch (parked events masked) and moves its own
 * checkpoint (`saveCheckpoint`), in the same transaction as its rows if it keeps any. A throw that
 * names an event (`EventFailedError`) is retried and then parked; any other is retried after a pause.
 */
export interface EventProcessor {
  /** Stable name: the checkpoint row's and the dead letters' processor. */
  name: string;
  /**
   * Handles the events (parked ones masked) and, given `last`, moves the checkpoint there; a replay
   * of dead letters calls it without `last`, so the checkpoint stays where it is.
   */
  process(events: readonly RecordedEvent[], last?: Checkpoint): Promise<void>;
}

/** A processor's dead letters replayed through it, the checkpoint left alone. */
export const processorReplayTarget = (processor: EventProcessor): ReplayTarget => ({
  processor: processor.name,
  apply: (events) => processor.process(events),
});

/** Moves a processor's checkpoint (in `em`'s transaction, if it has one). */
export async function saveCheckpoint(em: EntityManager, name: string, last: Checkpoint): Promise<void> {
  await em.upsert(ProjectionCheckpointSchema, {
    name,
    transactionId: last.transactionId,
    globalPosition: last.globalPosition,
    stamp: randomUUID(),
    updatedAt: new Date(),
  } as ProjectionCheckpoint);
}

export interface ProcessorRunnerOptions {
  store: EventStore;
  orm: MikroORM;
  processors: readonly EventProcessor[];
  parking?: ParkingSettings;
  /** Events per read of the log; 500 by default. */
  batchSize?: number;
  /** Told of a failure that is retried (not parked); the processor reads again after `retryDelayMs`. */
  onError?: (processor: string, error: unknown) => void;
  retryDelayMs?: number;
}

/** Runs processors on one subscription of the log, each from its checkpoint: catch-up, then live. */
export class ProcessorRunner {
  /** The open ones: a read again after a failure opens another, and the closed one is let go. */
  private readonly subscriptions = new Set<Subscription>();
  private readonly positions = new Map<string, Checkpoint>();
  private readonly running: Promise<void>[] = [];
  private stopped = false;

  constructor(private readonly options: ProcessorRunnerOptions) {}

  async start(): Promise<void> {
    for (const processor of this.options.processors) {
      const row = await this.options.orm.em.fork().findOne(ProjectionCheckpointSchema, { name: processor.name });
      // from the start, every parked event comes again: the old dead letters would only hold its streams back
      if (!row) await clearDeadLetters(this.options.orm.em.fork(), processor.name);
      this.positions.set(
        processor.name,
        row ? { transactionId: row.transactionId, globalPosition: row.globalPosition } : START,
      );
    }
    if (this.options.processors.length > 0) this.running.push(this.run());
  }

  /**
   * One read of the log for every processor, from the earliest checkpoint; each skips what it has
   * handled. A failure that is not parked (the database away) pauses them all, then they read again
   * from the earliest checkpoint.
   */
  private async run(): Promise<void> {
    const parking = new Map(
      this.options.processors.map((p) => [p.name, new Parking(this.options.orm.em, p.name, this.options.parking)]),
    );
    while (!this.stopped) {
      const from = [...this.positions.values()].reduce((min, cp) => (isAfter(min, cp) ? cp : min));
      const subscription = this.options.store.subscribe({ from, batchSize: this.options.batchSize ?? 500 });
      this.subscriptions.add(subscription);
      let current = '';
      try {
        for await (const batch of subscription) {
          for (const processor of this.options.processors) {
            current = processor.name;
            const unseen = batch.filter((e) => isAfter(e, this.positions.get(processor.name)!));
            if (unseen.length === 0) continue;
            const last = unseen[unseen.length - 1]!;
            const at = { transactionId: last.transactionId, globalPosition: last.globalPosition };
            await parking.get(processor.name)!.run(unseen, (events) => processor.process(events, at));
            this.positions.set(processor.name, at);
          }
        }
      } catch (error) {
        if (this.stopped) return;
        this.options.onError?.(current, error);
        await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs ?? 1000));
      } finally {
        await subscription.close();
        this.subscriptions.delete(subscription);
      }
    }
  }

  /** True once every processor has handled the event at this point of the commit order. */
  hasProcessed(event: Checkpoint): boolean {
    return [...this.positions.values()].every((cp) => !isAfter(event, cp));
  }

  /** Resolves once every processor has handled `event`, or with false after `timeoutMs` (tests, `caughtUp`). */
  async waitFor(event: Checkpoint, timeoutMs = 5000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.hasProcessed(event)) {
      if (Date.now() >= deadline || this.stopped) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await Promise.all(this.running);
  }
}
