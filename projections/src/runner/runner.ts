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
import { applyBatch, handledBy } from './apply-batch';
import { ProjectionCheckpointSchema } from './checkpoint.entity';
import { clearDeadLetters, guarded, Parking, type ParkingSettings } from './parking';

export * from './parking';
export * from './replay-dead-letters';

export interface ProjectionRunnerOptions {
  store: EventStore;
  orm: MikroORM;
  catalog: EventCatalog;
  projections: Projection[];
  /** Events per read of the log and per transaction; 1000 by default. */
  batchSize?: number;
  /** Called when a batch fails; the runner retries it after `retryDelayMs`. */
  onError?: (projection: string, error: unknown) => void;
  retryDelayMs?: number;
  /**
   * Told after each batch a projection committed, with the events of the batch it handles
   * (stream id, version, type): what feeds live subscriptions. A throwing hook is logged, not retried.
   */
  onApplied?: OnApplied;
  /** How often an event a projection throws on is tried before it is parked as a dead letter (`parking.ts`). */
  parking?: ParkingSettings;
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
 * Feeds the projections from their checkpoints: catch-up, then live. They share one read of the
 * log (from the earliest checkpoint; each skips what it has already applied), and each applies a
 * batch in its own transaction. A projection whose batch fails leaves the shared feed and retries
 * on a subscription of its own, so it holds up no other. `waitFor(events)` lets a command return
 * only once its events are visible to queries (read your writes), waiting for the projections that handle them.
 */
export class ProjectionRunner {
  /** The open ones: a read again after a failure opens another, and the closed one is let go. */
  private readonly subscriptions = new Set<Subscription>();
  private readonly positions = new Map<string, Checkpoint>();
  private readonly waiters = new Set<() => void>();
  private running: Promise<void>[] = [];
  private stopped = false;
  private readonly parked = new Map<string, { projection: Projection; parking: Parking }>();

  constructor(private readonly options: ProjectionRunnerOptions) {}

  /** The projection as applied (a throw in `evolve` names its event) and its dead letters. */
  private parkingOf(projection: Projection) {
    let p = this.parked.get(projection.name);
    if (!p) {
      const parking = new Parking(this.options.orm.em, projection.name, this.options.parking);
      this.parked.set(projection.name, (p = { projection: guarded(projection), parking }));
    }
    return p;
  }

  async start(): Promise<void> {
    for (const projection of this.options.projections) {
      const from = await this.checkpointOf(projection.name);
      // from the start, every parked event comes again: the old dead letters would only hold its streams back
      if (from === START) await clearDeadLetters(this.options.orm.em.fork(), projection.name);
      this.positions.set(projection.name, from);
    }
    this.running.push(this.runShared([...this.options.projections]));
  }

  private async checkpointOf(name: string): Promise<Checkpoint> {
    const row = await this.options.orm.em.fork().findOne(ProjectionCheckpointSchema, { name });
    return row ? { transactionId: row.transactionId, globalPosition: row.globalPosition } : START;
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 1000;
  }

  private earliest(projections: Projection[]): Checkpoint {
    return projections.map((p) => this.positions.get(p.name)!).reduce((min, cp) => (isAfter(min, cp) ? cp : min));
  }

  private async runShared(members: Projection[]): Promise<void> {
    while (!this.stopped && members.length > 0) {
      const subscription = this.options.store.subscribe({ from: this.earliest(members), batchSize: this.batchSize });
      this.subscriptions.add(subscription);
      try {
        for await (const batch of subscription) {
          for (const projection of [...members]) {
            const own = this.positions.get(projection.name)!;
            const unseen = batch.filter((e) => isAfter(e, own));
            if (unseen.length === 0) continue;
            try {
              await this.apply(projection, unseen);
            } catch (error) {
              if (this.stopped) return;
              members = members.filter((m) => m !== projection);
              this.options.onError?.(projection.name, error);
              this.running.push(this.pause().then(() => this.run(projection, own)));
            }
          }
          if (members.length === 0) return;
          await yieldToEventLoop();
        }
      } catch (error) {
        // reading the log failed: every member is held up alike; read again after a pause
        if (this.stopped) return;
        for (const projection of members) this.options.onError?.(projection.name, error);
        await this.pause();
      } finally {
        await subscription.close();
        this.subscriptions.delete(subscription);
      }
    }
  }

  /** A projection on its own subscription, after a failure in the shared feed. */
  private async run(projection: Projection, from: Checkpoint): Promise<void> {
    let cursor = from;
    while (!this.stopped) {
      const subscription = this.options.store.subscribe({ from: cursor, batchSize: this.batchSize });
      this.subscriptions.add(subscription);
      try {
        for await (const batch of subscription) {
          await this.apply(projection, batch);
          cursor = this.positions.get(projection.name)!;
          await yieldToEventLoop();
        }
      } catch (error) {
        if (this.stopped) return;
        this.options.onError?.(projection.name, error);
        await this.pause();
      } finally {
        await subscription.close();
        this.subscriptions.delete(subscription);
      }
    }
  }

  private async apply(projection: Projection, batch: RecordedEvent[]): Promise<void> {
    const { projection: applied, parking } = this.parkingOf(projection);
    await parking.run(batch, (events) => applyBatch(this.options.orm.em, applied, this.options.catalog, events));
    const last = batch[batch.length - 1]!;
    this.positions.set(projection.name, { transactionId: last.transactionId, globalPosition: last.globalPosition });
    for (const wake of [...this.waiters]) wake();
    reportApplied(this.options.onApplied, projection, batch);
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs ?? 1000));
  }

  /** True once every projection has applied the event at this point of the commit order. */
  hasApplied(event: Checkpoint): boolean {
    return [...this.positions.values()].every((cp) => !isAfter(event, cp));
  }

  /**
   * For each projection that handles any of `events`, the last of them it handles: what a command
   * that appended `events` waits for. Projections that handle none of them are not waited for.
   */
  awaitedBy(events: readonly RecordedEvent[]): Map<string, Checkpoint> {
    const awaited = new Map<string, Checkpoint>();
    for (const projection of this.options.projections) {
      const handles = handledBy(projection);
      for (const event of events) if (handles.has(event.type)) awaited.set(projection.name, event);
    }
    return awaited;
  }

  /**
   * Resolves once the projections have applied `events` (a command's, in commit order: only the
   * projections that handle any of them are waited for), or everything up to one point of the
   * commit order (every projection: `caughtUp`); false after `timeoutMs`.
   */
  async waitFor(events: Checkpoint | readonly RecordedEvent[], timeoutMs = 5000): Promise<boolean> {
    const awaited = isCheckpointList(events) ? this.awaitedBy(events) : null;
    const applied = () =>
      awaited
        ? [...awaited].every(([name, event]) => !isAfter(event, this.positions.get(name) ?? START))
        : this.hasApplied(events as Checkpoint);
    const deadline = Date.now() + timeoutMs;
    while (!applied()) {
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
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await Promise.all(this.running);
  }
}

/**
 * On SQLite every read and write is synchronous under its promise: a catch-up would run batch after
 * batch in microtasks and keep the HTTP servers of the same process from answering until it ends.
 */
const isCheckpointList = (x: Checkpoint | readonly RecordedEvent[]): x is readonly RecordedEvent[] => Array.isArray(x);

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
