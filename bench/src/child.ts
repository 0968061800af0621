import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface ServedPlatform {
  url: string;
  apolloUrl: string;
  subgraphUrls: Record<string, string>;
  applied: number;
  listening: number;
  rebuildMs: number;
  rss: number;
  child: ChildProcess;
  /** Asks the child for its peak RSS so far. */
  peakRss(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts bench/dist/serve.js with these JIXIAO_* variables and waits for its ready line. */
export function servePlatform(env: Record<string, string>): Promise<ServedPlatform> {
  const child = spawn(process.execPath, [path.join(__dirname, 'serve.js')], {
    env: { ...process.env, NODE_ENV: 'production', JIXIAO_PORT: '0', JIXIAO_SEED: 'none', ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
      lines.once('line', (line) => resolve(JSON.parse(line)));
    });
  return next().then((ready) => ({
    ...(ready as unknown as Omit<ServedPlatform, 'child' | 'peakRss' | 'stop'>),
    child,
    async peakRss() {
      const answer = next();
      child.stdin!.write('rss\n');
      return (await answer).rss as number;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.end();
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  }));
}
