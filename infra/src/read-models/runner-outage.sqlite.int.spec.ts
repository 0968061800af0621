import { catalog } from '@jixiao/contexts';
import { heapAfterGc, pollingSubscription, type EventStore } from '@jixiao/events';
import { ProjectionRunner, unitsProjection } from '@jixiao/projections';
import { ProcessorRunner } from '@jixiao/service-kit';
import { openSqliteWorkspace, type SqliteWorkspace } from '../testing/sqlite';

/** The store, except that no subscription can read the log (the database away for a long while). */
function unreadable(store: EventStore): EventStore {
  return Object.assign(Object.create(store) as EventStore, {
    subscribe: () =>
      pollingSubscription({
        readCommitted: async () => {
          throw new Error('事件日志暂不可读 (event log unavailable)');
        },
        waitForAppend: async () => undefined,
      }),
  });
}

/**
 * An `onError` that measures the heap at the 1,000th and the `retries`-th failure (the same point
 * of the retry loop each time); `done` resolves with both once the last is reached.
 */
function heapAtRetries(retries: number) {
  const heap: number[] = [];
  let failures = 0;
  let reached!: () => void;
  const done = new Promise<number[]>((resolve) => (reached = () => resolve(heap)));
  const onError = () => {
    failures++;
    if (failures === 1_000 || failures === retries) heap.push(heapAfterGc());
    if (failures === retries) reached();
  };
  return { onError, done };
}

describe('runners through a long outage of the event log', () => {
  let workspace: SqliteWorkspace;
  beforeEach(async () => {
    workspace = await openSqliteWorkspace('jixiao-outage-');
  });
  afterEach(() => workspace.close());

  it('the projection runner holds no memory per retry: the heap after 2,000 more is what it was', async () => {
    const { onError, done } = heapAtRetries(3_000);
    const runner = new ProjectionRunner({
      store: unreadable(workspace.store),
      orm: workspace.orm,
      catalog,
      projections: [unitsProjection],
      retryDelayMs: 0,
      onError,
    });
    await runner.start();
    const [before, after] = await done;
    await runner.stop();
    // each retry's closed subscription was kept until the runner stopped, ~2 KB each: ~4 MB here
    expect(after! - before!).toBeLessThan(500_000);
  });

  it('the reactions’ processor runner holds no memory per retry: the heap after 2,000 more is what it was', async () => {
    const { onError, done } = heapAtRetries(3_000);
    const runner = new ProcessorRunner({
      store: unreadable(workspace.store),
      orm: workspace.orm,
      processors: [{ name: 'test.noop', process: async () => undefined }],
      retryDelayMs: 0,
      onError,
    });
    await runner.start();
    const [before, after] = await done;
    await runner.stop();
    expect(after! - before!).toBeLessThan(500_000);
  });
});
