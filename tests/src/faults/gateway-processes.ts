import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devKeyFile, SUBGRAPH_NAMES } from '@jixiao/infra';
import { devKeyMinter, type TestPlatform } from '../support/platform';
import { builtEntry, distributedEnv, killAndWait } from './child-process';

/** The front half of distributed mode as separate processes: one per service, and the gateway before them. */
export interface GatewayProcesses {
  /** The gateway's GraphQL URL. */
  url: string;
  /** Signs tokens the gateway accepts (the dev key in the processes' data folder). */
  mint: TestPlatform['mint'];
  /** Every process's output so far, each line prefixed by its name. */
  readonly output: string;
  /** Processes that exited while they should have been serving, with their exit code or signal. */
  readonly exited: string[];
  /** Stops every process (SIGTERM) and deletes the data folder. */
  stop(): Promise<void>;
}

/**
 * Starts `service-main.js <name>` for each subgraph and `gateway-main.js` in front of them, as
 * `npm start` does in distributed mode, on the test's schema and topics and on ports the system
 * picks. Projection workers and the outbox relay are the test's to start (it kills them).
 */
export async function startGatewayProcesses(schema: string): Promise<GatewayProcesses> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-faults-'));
  const env: NodeJS.ProcessEnv = {
    ...distributedEnv(schema),
    JIXIAO_INTERNAL_SECRET: randomBytes(32).toString('hex'),
    JIXIAO_DATA_DIR: dir,
    JIXIAO_SEED: 'none',
    JIXIAO_HOST: '127.0.0.1',
    JIXIAO_PORT: '0',
    JIXIAO_RATE_LIMIT_PER_MINUTE: '100000000',
  };
  const children: ChildProcess[] = [];
  const exited: string[] = [];
  let output = '';
  let stopping = false;
  const launch = (name: string, entry: string, args: string[], extra: Record<string, string>) => {
    const child = spawn(process.execPath, [builtEntry(entry), ...args], {
      env: { ...env, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return new Promise<string>((ready, fail) => {
      const collect = (d: Buffer) => {
        output += d
          .toString()
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => `[${name}] ${line}\n`)
          .join('');
        const url = / ready: (http\S+)/.exec(d.toString());
        if (url) ready(url[1]!);
      };
      child.stdout!.on('data', collect);
      child.stderr!.on('data', collect);
      child.once('exit', (code, signal) => {
        if (!stopping) exited.push(`${name} (${code ?? signal})`);
        fail(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${output}`));
      });
    });
  };
  const stop = async () => {
    stopping = true;
    await Promise.all(children.map((child) => killAndWait(child, 'SIGTERM')));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const urls = await Promise.all(SUBGRAPH_NAMES.map((name) => launch(name, 'service-main', [name], {})));
    // the variables the gateway reads (JIXIAO_PLANNING_URL, …), as the supervisor sets them
    const subgraphUrls = Object.fromEntries(
      SUBGRAPH_NAMES.map((name, i) => [`JIXIAO_${name.toUpperCase()}_URL`, urls[i]!]),
    );
    const url = await launch('gateway', 'gateway-main', [], subgraphUrls);
    return {
      url,
      mint: devKeyMinter(devKeyFile(dir), { issuer: 'jixiao-dev', audience: 'jixiao' }),
      get output() {
        return output;
      },
      exited,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
