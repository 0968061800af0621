import { catalog } from '@jixiao/contexts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { heapAfterGc, pollingSubscription, type RecordedEvent } from '@jixiao/events';
import { SqliteEventStore } from '@jixiao/infra';

export interface LeakFigures {
  /** Loop passes between the two points. */
  passes: number;
  /** The heap after full GCs at the first point and at the second. */
  warmBytes: number;
  endBytes: number;
  bytesPerPass: number;
}

const figures = (passes: number, warmBytes: number, endBytes: number): LeakFigures => ({
  passes,
  warmBytes,
  endBytes,
  bytesPerPass: Math.round(((endBytes - warmBytes) / passes) * 10) / 10,
});

/**
 * A subscription on an empty log, `polls` idle waits long, each wait ending on the next turn (the
 * 250 ms poll made instant, so thousands of polls take a second). Measured inside the wait, at the
 * same point of the loop after `warmUp` polls and at the end.
 */
export async function idleSubscription(polls: number, warmUp = 1000): Promise<LeakFigures> {
  let n = 0;
  let warm = 0;
  let end = 0;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const subscription = pollingSubscription({
    readCommitted: async () => [],
    waitForAppend: (_ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve) => {
        n++;
        if (n === warmUp) warm = heapAfterGc();
        if (n === warmUp + polls) {
          end = heapAfterGc();
          finished();
        }
        if (signal?.aborted) return resolve();
        setImmediate(resolve);
      }),
  });
  const reading = (async () => {
    for await (const _ of subscription) throw new Error('an empty log delivered a batch');
  })();
  await done;
  await subscription.close();
  await reading;
  return figures(polls, warm, end);
}

/**
 * A live subscription on a SQLite store while `appends` one-event appends are made one after the
 * other, each awaited until the subscription delivered it: one wake-up of the idle wait per append.
 */
export async function busySubscription(appends: number, warmUp = 1000): Promise<LeakFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-leak-'));
  const store = new SqliteEventStore({ file: path.join(dir, 'jixiao.db'), catalog });
  const subscription = store.subscribe();
  let seen = 0;
  let delivered = (): void => undefined;
  const reading = (async () => {
    for await (const batch of subscription as AsyncIterable<RecordedEvent[]>) {
      seen += batch.length;
      delivered();
    }
  })();
  const metadata = { actorId: 'bench.leak', role: 'ADMIN' };
  const append = async (i: number) => {
    const arrived = new Promise<void>((resolve) => (delivered = resolve));
    await store.appendToStream(
      `unit-leak-${i}`,
      [
        {
          type: 'BudgetUnitRegistered',
          data: {
            unitId: `u${i}`,
            code: `L${i}`,
            name: `泄漏测试单位${i}`,
            level: 'FIRST',
            parentId: null,
            divisionCode: '429006',
            sector: '',
          },
        },
      ],
      { expectedVersion: 0, metadata },
    );
    while (seen < i) await arrived;
  };
  try {
    for (let i = 1; i <= warmUp; i++) await append(i);
    const warm = heapAfterGc();
    for (let i = warmUp + 1; i <= warmUp + appends; i++) await append(i);
    const end = heapAfterGc();
    return figures(appends, warm, end);
  } finally {
    await subscription.close();
    await reading;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `node bench/dist/subscription-leak.js [idle polls] [appends]`: prints both figures as JSON. */
async function main(): Promise<void> {
  const polls = Number(process.argv[2] ?? 50_000);
  const appends = Number(process.argv[3] ?? 5_000);
  console.log(JSON.stringify({ idle: await idleSubscription(polls), busy: await busySubscription(appends) }, null, 2));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
