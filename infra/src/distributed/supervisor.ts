import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { catalog } from '@jixiao/events';
import { allProjections } from '@jixiao/projections';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { seedIfEmpty } from '../platform/seed';
import { SUBGRAPH_NAMES } from '../platform/subgraphs';
import { loadDistributedConfig, subgraphUrlVariable } from './runtime';

/** What `npm run start:distributed` assumes on a developer's machine when a variable is unset. */
export const LOCAL_DEFAULTS: Record<string, string> = {
  JIXIAO_MODE: 'distributed',
  JIXIAO_STORE: 'postgres',
  JIXIAO_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
  JIXIAO_KAFKA_BROKERS: '127.0.0.1:9092',
  JIXIAO_REDIS_URL: 'redis://127.0.0.1:6379',
};

interface ProcessSpec {
  name: string;
  entry: string;
  args?: string[];
  env?: Record<string, string>;
  /** The line the process prints once it serves. */
  ready: RegExp;
}

/** One projection worker pool per bounded context: `directory.units` → `directory`. */
export function workerPools(names: readonly string[] = allProjections.map((p) => p.name)): [string, string[]][] {
  const pools = new Map<string, string[]>();
  for (const name of names) {
    const context = name.split('.')[0]!;
    pools.set(context, [...(pools.get(context) ?? []), name]);
  }
  return [...pools];
}

/**
 * The plan of the processes one machine runs: each service on the port after the gateway's
 * (`JIXIAO_PORT` + 1, + 2, …), a projection worker per bounded context, the outbox relay, then
 * the gateway in front of the services.
 */
export function processPlan(gatewayPort: number): { backends: ProcessSpec[]; gateway: ProcessSpec } {
  const services = SUBGRAPH_NAMES.map((name, i) => ({
    name,
    entry: 'service-main',
    args: [name],
    // only the gateway faces clients; the services answer it on this machine
    env: { JIXIAO_PORT: String(gatewayPort + 1 + i), JIXIAO_HOST: '127.0.0.1' },
    ready: /service ready: /,
  }));
  const urls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name, i) => [subgraphUrlVariable(name), `http://127.0.0.1:${gatewayPort + 1 + i}/graphql`]),
  );
  return {
    backends: [
      ...services,
      ...workerPools().map(([context, projections]) => ({
        name: `worker-${context}`,
        entry: 'worker-main',
        env: { JIXIAO_PROJECTIONS: projections.join(',') },
        ready: /projection worker started/,
      })),
      { name: 'relay', entry: 'relay-main', ready: /outbox relay started/ },
    ],
    gateway: { name: 'gateway', entry: 'gateway-main', env: { ...urls }, ready: /gateway ready: (\S+)/ },
  };
}

/**
 * The children's environment and the checked configuration: local defaults filled in when asked,
 * and an internal secret drawn when none is set (the supervisor starts every process, so they
 * all share it); the gateway's port must be fixed, since the services take the next three.
 */
export function supervisorConfig(processEnv: NodeJS.ProcessEnv, options: { local?: boolean } = {}) {
  const env: NodeJS.ProcessEnv = { ...processEnv };
  if (options.local) for (const [key, value] of Object.entries(LOCAL_DEFAULTS)) env[key] ??= value;
  env.JIXIAO_INTERNAL_SECRET ??= randomBytes(32).toString('hex');
  const { config, postgres } = loadDistributedConfig(env, { internalSecret: true });
  if (config.port === 0)
    throw new Error(
      '配置有误 (invalid configuration):\n  JIXIAO_PORT: 分布式模式需固定端口 (must be a fixed port in distributed mode: the services take the next three)',
    );
  return { env, config, postgres };
}

/**
 * `npm start` in distributed mode (and `npm run start:distributed`, which fills `LOCAL_DEFAULTS`):
 * checks the configuration, seeds an empty store, starts every process with its output
 * prefixed by its name, and stops them all when one dies or on Ctrl-C.
 */
export async function startAllProcesses(options: { local?: boolean } = {}): Promise<void> {
  const started = Date.now();
  const { env, config, postgres } = supervisorConfig(process.env, options);

  const store = await PostgresEventStore.open({ ...postgres, catalog, outbox: true });
  const seeded = await seedIfEmpty(store, config.seed).finally(() => store.close());
  if (seeded) console.log(`示例数据已载入 (seeded the ${seeded.scale} city-year: ${seeded.events} events)`);

  const children: ChildProcess[] = [];
  const names: string[] = [];
  let stopping: Promise<never> | null = null;
  /** Stops every child (SIGKILL after 10 s), then exits with `code`; later calls wait for the first. */
  const stopAll = (code: number): Promise<never> =>
    (stopping ??= (async () => {
      await Promise.all(children.map((child, i) => stopChild(child, names[i]!)));
      process.exit(code);
    })());
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  const launch = (spec: ProcessSpec) => {
    if (stopping) return Promise.reject(new Error(`not starting ${spec.name}: stopping`));
    // node's own flags (the start script's heap sizing) carry over to every process
    const entry = path.join(__dirname, '..', `${spec.entry}.js`);
    const child = spawn(process.execPath, [...process.execArgv, entry, ...(spec.args ?? [])], {
      env: { ...env, JIXIAO_SEED: 'none', JIXIAO_STOP_WITH_PARENT: '1', ...spec.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.push(child);
    names.push(spec.name);
    const ready = new Promise<string>((resolve, reject) => {
      prefixLines(child.stdout!, spec.name, process.stdout, (line) => {
        const match = spec.ready.exec(line);
        if (match) resolve(match[1] ?? line);
      });
      prefixLines(child.stderr!, spec.name, process.stderr);
      child.once('exit', (code, signal) => {
        if (stopping) console.log(`[${spec.name}] stopped (${code ?? signal})`);
        reject(new Error(`${spec.name} exited (${code ?? signal}) before it was ready`));
        if (!stopping) {
          console.error(`${spec.name} 进程已退出 (exited with ${code ?? signal}); stopping the others`);
          void stopAll(1);
        }
      });
    });
    return ready;
  };

  const plan = processPlan(config.port);
  try {
    await Promise.all(plan.backends.map(launch));
    const url = await launch(plan.gateway);
    console.log(
      `绩效 Jixiao (distributed: ${children.length} processes) ready in ${Date.now() - started} ms — GraphQL: ${url}`,
    );
  } catch {
    // a child died before it was ready (already reported), or Ctrl-C came during the start
    await stopAll(1);
  }
}

/** Asks a child to stop, and kills it if it has not gone after ten seconds. */
async function stopChild(child: ChildProcess, name: string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    console.error(`${name} 未在 10 秒内停止 (did not stop within 10 s); killing it`);
    child.kill('SIGKILL');
  }, 10_000);
  await gone;
  clearTimeout(timer);
}

function prefixLines(
  from: NodeJS.ReadableStream,
  name: string,
  to: NodeJS.WritableStream,
  onLine?: (line: string) => void,
): void {
  let rest = '';
  from.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      to.write(`[${name}] ${line}\n`);
      onLine?.(line);
    }
  });
}
