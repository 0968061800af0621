import type { MikroORM } from '@mikro-orm/core';
import {
  isAfter,
  START,
  type Checkpoint,
  type EventCatalog,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@jixiao/events';
import type { Projection } from '../projection';
import { applyBatch } from './apply-batch';
import { ProjectionCheckpointSchema } from './checkpoint.entity';

export interface ProjectionRunnerOptions {
  store: EventStore;
  orm: MikroORM;
  catalog: EventCatalog;
  projections: Projection[];
  /** Events per transaction. */
  batchSize?: number;
  /** Called when a batch fails; the runner retries it after `retryDelayMs`. */
  onError?: (projection: string, error: unknown) => void;
  retryDelayMs?: number;
  /**
   * Told after each batch a projection committed, with the events of the batch it handles
   * (stream id, version, type): what feeds live subscriptions. A throwing hook is logged, not retried.
   */
  onApplied?: OnApplied;
}

/** Told after a projection committed a batch, with the events of it the projection handles. */
export type OnApplied = (projection: string, events: AppliedEventRef[]) => void | Promise<void>;

/** An applied event as the `onApplied` hook reports it: what changed, not the data. */
export interface AppliedEventRef {
  streamId: string;
  streamVersion: number;
  type: string;
}

/** The events of `batch` that `projection` handles, as `onApplied` reports them. */
export function appliedEventsOf(projection: Projection, batch: readonly RecordedEvent[]): AppliedEventRef[] {
  return batch
    .filter((e) => projection.handles.includes(e.type))
    .map(({ streamId, streamVersion, type }) => ({ streamId, streamVersion, type }));
}

/**
 * Tells `onApplied` what a committed batch applied, without waiting for it: a slow or failing
 * listener (Redis away, say) never holds back the next batch; its failure is logged.
 */
export function reportApplied(
  onApplied: OnApplied | undefined,
  projection: Projection,
  batch: readonly RecordedEvent[],
): void {
  const events = onApplied ? appliedEventsOf(projection, batch) : [];
  if (events.length === 0) return;
  Promise.resolve()
    .then(() => onApplied!(projection.name, events))
    .catch((error: Error) => console.warn(`${projection.name}: onApplied failed: ${error.message}`));
}

/**
 * Feeds each projection from its own checkpoint: catch-up, then live. `waitFor(position)`
 * lets a command return only once its events are visible to queries (read your writes).
 */
export class ProjectionRunner {
  private readonly subscriptions: Subscription[] = [];
  private readonly positions = new Map<string, Checkpoint>();
  private readonly waiters = new Set<() => void>();
  private running: Promise<void>[] = [];
  private stopped = false;

  constructor(private readonly options: ProjectionRunnerOptions) {}

  async start(): Promise<void> {
    for (const projection of this.options.projections) {
      const from = await this.checkpointOf(projection.name);
      this.positions.set(projection.name, from);
      this.running.push(this.run(projection, from));
    }
  }

  private async checkpointOf(name: string): Promise<Checkpoint> {
    const row = await this.options.orm.em.fork().findOne(ProjectionCheckpointSchema, { name });
    return row ? { transactionId: row.transactionId, globalPosition: row.globalPosition } : START;
  }

  private async run(projection: Projection, from: Checkpoint): Promise<void> {
    let cursor = from;
    while (!this.stopped) {
      const subscription = this.options.store.subscribe({ from: cursor, batchSize: this.options.batchSize ?? 500 });
      this.subscriptions.push(subscription);
      try {
        for await (const batch of subscription) {
          await applyBatch(this.options.orm.em, projection, this.options.catalog, batch);
          const last = batch[batch.length - 1]!;
          cursor = { transactionId: last.transactionId, globalPosition: last.globalPosition };
          this.positions.set(projection.name, cursor);
          for (const wake of [...this.waiters]) wake();
          reportApplied(this.options.onApplied, projection, batch);
        }
      } catch (error) {
        if (this.stopped) return;
        this.options.onError?.(projection.name, error);
        await new Promise((r) => setTimeout(r, this.options.retryDelayMs ?? 1000));
      } finally {
        await subscription.close();
      }
    }
  }

  /** True once every projection has applied the event at this point of the commit order. */
  hasApplied(event: Checkpoint): boolean {
    return [...this.positions.values()].every((cp) => !isAfter(event, cp));
  }

  /** Resolves once every projection has applied `event`, or with false after `timeoutMs`. */
  async waitFor(event: Checkpoint, timeoutMs = 5000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.hasApplied(event)) {
      const left = deadline - Date.now();
      if (left <= 0 || this.stopped) return false;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(left, 100));
        this.waiters.add(done);
      });
    }
    return true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.subscriptions.map((s) => s.close()));
    await Promise.all(this.running);
  }
}
