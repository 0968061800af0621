import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devKeyFile, processPlan, type ChildStatus } from '@jixiao/infra';
import { devKeyMinter, type TestPlatform } from '../support/platform';
import { builtEntry, distributedEnv, killAndWait } from './child-process';

/** `npm start` in distributed mode, as the test's own child: the supervisor and the processes it runs. */
export interface SupervisorProcess {
  process: ChildProcess;
  /** The gateway's GraphQL URL. */
  url: string;
  /** Signs tokens the gateway accepts (the dev key in the processes' data folder). */
  mint: TestPlatform['mint'];
  /** The supervisor's own lines (`[supervisor] …`), stdout and stderr, and its final line. */
  readonly lines: string[];
  /** Each child's state, pid and restarts, from the supervisor's `/readyz`. */
  children(): Promise<ChildStatus[]>;
  /** The supervisor's exit code or signal once it is gone. */
  exited: Promise<string>;
  /** Stops the supervisor (SIGTERM: it stops its children) and deletes the data folder. */
  stop(): Promise<void>;
}

/** The processes take the gateway's port and those after it, up to the supervisor's own: find a free run. */
async function freePortRun(length = processPlan(0).supervisorPort + 1): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    const free = await Promise.all(Array.from({ length }, (_, i) => portFree(base + i)));
    if (free.every(Boolean)) return base;
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Starts `infra/dist/main.js` in distributed mode on the test's schema; resolves once every process is ready. */
export async function startSupervisor(schema: string, env: Record<string, string> = {}): Promise<SupervisorProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-supervisor-'));
  const port = await freePortRun();
  const child = spawn(process.execPath, [builtEntry('main')], {
    env: {
      ...distributedEnv(schema),
      JIXIAO_INTERNAL_SECRET: randomBytes(32).toString('hex'),
      JIXIAO_DATA_DIR: dir,
      JIXIAO_SEED: 'none',
      JIXIAO_PORT: String(port),
      JIXIAO_RATE_LIMIT_PER_MINUTE: '100000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(String(code ?? signal))),
  );
  const ready = new Promise<string>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.startsWith('[supervisor]') || line.startsWith('绩效 Jixiao')) lines.push(line);
        const url = /^绩效 Jixiao .* GraphQL: (\S+)/.exec(line);
        if (url) resolve(url[1]!);
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    void exited.then((how) =>
      reject(new Error(`the supervisor exited (${how}) before it was ready:\n${lines.join('\n')}`)),
    );
  });
  const stop = async () => {
    await killAndWait(child, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await ready;
    const status = `http://127.0.0.1:${processPlan(port).supervisorPort}/readyz`;
    return {
      process: child,
      url,
      mint: devKeyMinter(devKeyFile(dir), { issuer: 'jixiao-dev', audience: 'jixiao' }),
      lines,
      children: async () => ((await (await fetch(status)).json()) as { children: ChildStatus[] }).children,
      exited,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The pid a process's own `/healthz` reports, or null when it does not answer. */
export async function healthPid(origin: string): Promise<number | null> {
  try {
    const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
    return response.ok ? ((await response.json()) as { pid: number }).pid : null;
  } catch {
    return null;
  }
}
