import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { testing } from '@jixiao/infra';

export interface Child {
  process: ChildProcess;
  /** Resolves at the first batch the process handled. */
  firstBatch: Promise<void>;
  /** Batches it has handled. */
  readonly batches: number;
  /** Lost events a worker read back from the store (version gaps): should stay 0. */
  readonly healed: number;
}

/** The environment of a distributed-mode process on a test schema and topic prefix. */
export function distributedEnv(schema: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_OPTIONS: '',
    JIXIAO_MODE: 'distributed',
    JIXIAO_STORE: 'postgres',
    JIXIAO_DATABASE_URL: testing.TEST_PG_URL,
    JIXIAO_DATABASE_SCHEMA: schema,
    JIXIAO_KAFKA_BROKERS: testing.TEST_KAFKA_BROKERS.join(','),
    JIXIAO_KAFKA_TOPIC_PREFIX: schema,
    JIXIAO_REDIS_URL: testing.TEST_REDIS_URL,
    JIXIAO_KAFKA_SESSION_TIMEOUT_MS: '2000',
    JIXIAO_LOG_BATCHES: '1',
  };
}

/** The path of a built entry point (`infra/dist/<entry>.js`); throws when the build is missing. */
export function builtEntry(entry: string): string {
  const main = resolve(__dirname, `../../../infra/dist/${entry}.js`);
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  return main;
}

/** Starts a built entry point (`infra/dist/<entry>.js`) in distributed mode on a test schema and topic prefix. */
export function spawnEntry(
  entry: 'worker-main' | 'relay-main',
  schema: string,
  env: Record<string, string> = {},
): Child {
  const child = spawn(process.execPath, [builtEntry(entry)], {
    env: { ...distributedEnv(schema), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let batches = 0;
  let healed = 0;
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    healed += (d.toString().match(/healed lost event/g) ?? []).length;
  });
  const firstBatch = new Promise<void>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      batches += (d.toString().match(/^(batch|published) /gm) ?? []).length;
      if (batches > 0) ok();
    });
    child.once('exit', (code, signal) =>
      fail(new Error(`${entry} exited (${code ?? signal}) before a batch: ${stderr}`)),
    );
  });
  firstBatch.catch(() => undefined);
  return {
    process: child,
    firstBatch,
    get batches() {
      return batches;
    },
    get healed() {
      return healed;
    },
  };
}

/** Sends a signal and waits for the process to be gone. */
export async function killAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await gone;
}
