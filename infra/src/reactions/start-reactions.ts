import type { MikroORM } from '@mikro-orm/core';
import type { EventCatalog, EventStore, RecordedEvent } from '@jixiao/events';
import { projectionReplayTarget, type ParkingSettings, type ReplayTarget } from '@jixiao/projections';
import {
  deadlinesOf,
  deadlineTracker,
  DeadlineScheduler,
  ProcessorRunner,
  processorReplayTarget,
  projectionsOf,
  reactionProcessor,
  reactionsOf,
  type ContextModule,
  type EventProcessor,
} from '@jixiao/service-kit';

export interface ReactionsOptions {
  store: EventStore;
  orm: MikroORM;
  catalog: EventCatalog;
  contexts: readonly ContextModule[];
  /** The clock the scheduler reads; now by default (tests pass a fake one). */
  now?: () => Date;
  parking?: ParkingSettings;
  /** How often the scheduler looks at the clock; 1000 ms by default. */
  schedulerIntervalMs?: number;
}

/** The contexts' reactions and deadline trackers as processors of the log. */
export function processorsOf(options: Omit<ReactionsOptions, 'parking' | 'schedulerIntervalMs'>): EventProcessor[] {
  const deps = {
    store: options.store,
    em: () => options.orm.em.fork(),
    now: options.now ?? (() => new Date()),
    upcast: (e: RecordedEvent) => options.catalog.upcast(e),
  };
  return [
    ...reactionsOf(options.contexts).map((r) => reactionProcessor(r, deps)),
    ...deadlinesOf(options.contexts).map((d) => deadlineTracker(d, deps)),
  ];
}

/** What a dead-letter replay can go through: every projection, reaction and deadline tracker of the contexts. */
export function replayTargetsOf(options: Omit<ReactionsOptions, 'parking' | 'schedulerIntervalMs'>): ReplayTarget[] {
  return [
    ...projectionsOf(options.contexts).map((p) => projectionReplayTarget(options.orm.em, p, options.catalog)),
    ...processorsOf(options).map(processorReplayTarget),
  ];
}

/** `JIXIAO_SCHEDULER_INTERVAL_MS`: how often the deadline scheduler reads the clock, 100–3,600,000 (1000 by default). */
export function schedulerIntervalOf(env: NodeJS.ProcessEnv): number {
  const raw = env.JIXIAO_SCHEDULER_INTERVAL_MS;
  if (raw === undefined || raw === '') return 1000;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100 || ms > 3_600_000)
    throw new Error(
      `配置有误 (invalid configuration): JIXIAO_SCHEDULER_INTERVAL_MS 须为 100–3600000 的整数 (an integer 100–3600000); got ${raw}`,
    );
  return ms;
}

export interface RunningReactions {
  /** The processors' names: reactions, then deadline trackers. */
  names: string[];
  runner: ProcessorRunner;
  scheduler: DeadlineScheduler;
  close(): Promise<void>;
}

/**
 * Starts the contexts' reactions and deadline trackers on the log (each from its checkpoint) and the
 * deadline scheduler. Embedded mode runs it in the platform's process, distributed mode in the
 * `reactions` process (`reactions-main`); running it twice is safe (the command ids), only wasteful.
 */
export async function startReactions(options: ReactionsOptions): Promise<RunningReactions> {
  const now = options.now ?? (() => new Date());
  const processors = processorsOf({ ...options, now });
  const runner = new ProcessorRunner({
    store: options.store,
    orm: options.orm,
    processors,
    parking: options.parking,
    onError: (name, error) => console.error(`${name} failed; retrying`, error),
  });
  await runner.start();
  const scheduler = new DeadlineScheduler({
    store: options.store,
    em: () => options.orm.em.fork(),
    upcast: (e) => options.catalog.upcast(e),
    now,
    kinds: deadlinesOf(options.contexts),
    intervalMs: options.schedulerIntervalMs,
    onError: (kind, error) => console.error(`deadline ${kind}: ${(error as Error).message}`),
  });
  scheduler.start();
  return {
    names: processors.map((p) => p.name),
    runner,
    scheduler,
    async close() {
      await scheduler.stop();
      await runner.stop();
    },
  };
}
