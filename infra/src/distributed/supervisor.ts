import { consoleUrlOf } from '../console/console-site';
import { catalog, CONTEXTS } from '@jixiao/contexts';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { serveHealth, type ContextModule, type HealthServer } from '@jixiao/service-kit';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { seedIfEmpty } from '../platform/seed';
import { subgraphNamesOf } from '../platform/subgraphs';
import { supervisionOf } from './restart-policy';
import { loadDistributedConfig, subgraphUrlVariable } from './runtime';
import { SupervisedChild, type ProcessSpec } from './supervised-child';

/** What `npm run start:distributed` assumes on a developer's machine when a variable is unset. */
export const LOCAL_DEFAULTS: Record<string, string> = {
  JIXIAO_MODE: 'distributed',
  JIXIAO_STORE: 'postgres',
  JIXIAO_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
  JIXIAO_KAFKA_BROKERS: '127.0.0.1:9092',
  JIXIAO_REDIS_URL: 'redis://127.0.0.1:6379',
};

/** One projection worker pool per bounded context that has projections: its name and its projections'. */
export function workerPools(
  contexts: readonly Pick<ContextModule, 'name' | 'projections'>[] = CONTEXTS,
): [string, string[]][] {
  return contexts.filter((c) => c.projections.length > 0).map((c) => [c.name, c.projections.map((p) => p.name)]);
}

/**
 * The plan of the processes one machine runs: each service on the port after the gateway's
 * (`JIXIAO_PORT` + 1, + 2, …), a projection worker per bounded context, the outbox relay, the
 * reactions (if any context has reactions or deadlines), then the gateway in front of the services.
 * The workers, the relay and the reactions serve their health endpoints
 * on the ports after the services', and the supervisor its own status on the port after those.
 */
export function processPlan(
  gatewayPort: number,
  gatewayHost = '127.0.0.1',
  contexts: readonly ContextModule[] = CONTEXTS,
): { backends: ProcessSpec[]; gateway: ProcessSpec; supervisorPort: number } {
  let next = gatewayPort;
  const SUBGRAPH_NAMES = subgraphNamesOf(contexts);
  const local = (port: number) => `http://127.0.0.1:${port}`;
  const services = SUBGRAPH_NAMES.map((name) => {
    const port = ++next;
    return {
      name,
      entry: 'service-main',
      args: [name],
      // only the gateway faces clients; the services answer it on this machine
      env: { JIXIAO_PORT: String(port), JIXIAO_HOST: '127.0.0.1' },
      ready: /service ready: /,
      health: local(port),
    };
  });
  const urls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name, i) => [subgraphUrlVariable(name), `${services[i]!.health}/graphql`]),
  );
  const healthOnly = (spec: Omit<ProcessSpec, 'health'>): ProcessSpec => {
    const port = ++next;
    return {
      ...spec,
      env: { ...spec.env, JIXIAO_HEALTH_PORT: String(port), JIXIAO_HOST: '127.0.0.1' },
      health: local(port),
    };
  };
  const backends = [
    ...services,
    ...workerPools(contexts).map(([context, projections]) =>
      healthOnly({
        name: `worker-${context}`,
        entry: 'worker-main',
        env: { JIXIAO_PROJECTIONS: projections.join(',') },
        ready: /projection worker started/,
      }),
    ),
    healthOnly({ name: 'relay', entry: 'relay-main', ready: /outbox relay started/ }),
    // the reactions and the deadline scheduler, when a context has any: one process, on the store's subscription
    ...(contexts.some((c) => (c.reactions?.length ?? 0) + (c.deadlines?.length ?? 0) > 0)
      ? [healthOnly({ name: 'reactions', entry: 'reactions-main', ready: /reactions started/ })]
      : []),
  ];
  // a gateway listening on every interface answers its health checks on the loopback one
  const gatewayHealth = `http://${/^(0\.0\.0\.0|::)$/.test(gatewayHost) ? '127.0.0.1' : gatewayHost}:${gatewayPort}`;
  return {
    backends,
    gateway: {
      name: 'gateway',
      entry: 'gateway-main',
      env: urls,
      ready: /gateway ready: (\S+)/,
      health: gatewayHealth,
    },
    supervisorPort: ++next,
  };
}

/**
 * The children's environment and the checked configuration: local defaults filled in when asked,
 * and an internal secret drawn when none is set (the supervisor starts every process, so they
 * all share it); the gateway's port must be fixed, since the other processes take the ports after it.
 */
export function supervisorConfig(processEnv: NodeJS.ProcessEnv, options: { local?: boolean } = {}) {
  const env: NodeJS.ProcessEnv = { ...processEnv };
  if (options.local) for (const [key, value] of Object.entries(LOCAL_DEFAULTS)) env[key] ??= value;
  env.JIXIAO_INTERNAL_SECRET ??= randomBytes(32).toString('hex');
  const { config, postgres } = loadDistributedConfig(env, { internalSecret: true });
  if (config.port === 0)
    throw new Error(
      '配置有误 (invalid configuration):\n  JIXIAO_PORT: 分布式模式需固定端口 (must be a fixed port in distributed mode: its processes take the ports after it)',
    );
  return { env, config, postgres };
}

/**
 * `npm start` in distributed mode (and `npm run start:distributed`, which fills `LOCAL_DEFAULTS`):
 * checks the configuration, seeds an empty store, starts every process with its output prefixed
 * by its name, restarts one that dies (or stops answering `/healthz`) with backoff while the
 * others keep serving, gives up and stops them all (exit 1) when one dies more often than
 * `JIXIAO_RESTART_MAX` times within `JIXIAO_RESTART_WINDOW_MS`, and stops them all on Ctrl-C.
 * Its own `/readyz` (port after the relay's) lists every child's state, pid and restarts.
 */
export async function startAllProcesses(options: { local?: boolean } = {}): Promise<void> {
  const started = Date.now();
  const { env, config, postgres } = supervisorConfig(process.env, options);
  const { policy, livenessIntervalMs } = supervisionOf(env);

  const store = await PostgresEventStore.open({ ...postgres, catalog, outbox: true });
  const seeded = await seedIfEmpty(store, config.seed).finally(() => store.close());
  if (seeded) console.log(`示例数据已载入 (seeded the ${seeded.scale} city-year: ${seeded.events} events)`);

  const log = (line: string, problem = false) => (problem ? console.error : console.log)(`[supervisor] ${line}`);
  const children: SupervisedChild[] = [];
  let stopping: Promise<never> | null = null;
  // only ready children are asked, so the checks may begin before they are
  const liveness = setInterval(() => children.forEach((c) => void c.checkLiveness()), livenessIntervalMs);
  let status: HealthServer | null = null;
  /** Stops every child (SIGKILL after 10 s), then exits with `code`; later calls wait for the first. */
  const stopAll = (code: number): Promise<never> =>
    (stopping ??= (async () => {
      clearInterval(liveness);
      await Promise.all(children.map((child) => child.stop()));
      await status?.close();
      process.exit(code);
    })());
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  const plan = processPlan(config.port, config.host);
  status = await serveHealth({
    process: 'supervisor',
    host: '127.0.0.1',
    port: plan.supervisorPort,
    checks: {
      children: async () => {
        const waiting = children.filter((c) => c.state !== 'ready').map((c) => `${c.name} ${c.state}`);
        if (waiting.length > 0) throw new Error(waiting.join(', '));
      },
    },
    details: async () => ({ children: children.map((c) => c.status()) }),
  }).catch((error: Error) => {
    log(`状态端口不可用 (no status endpoint on port ${plan.supervisorPort}): ${error.message}`);
    return null;
  });

  const launch = (spec: ProcessSpec) => {
    const child = new SupervisedChild({
      spec,
      policy,
      now: Date.now,
      log,
      onGiveUp: () => void stopAll(1),
      // node's own flags (the start script's heap sizing) carry over to every process
      spawn: ({ entry, args, env: own }) =>
        spawn(process.execPath, [...process.execArgv, path.join(__dirname, '..', `${entry}.js`), ...(args ?? [])], {
          env: { ...env, JIXIAO_SEED: 'none', JIXIAO_STOP_WITH_PARENT: '1', ...own },
          stdio: ['pipe', 'pipe', 'pipe'],
        }),
    });
    children.push(child);
    child.start();
    return child.firstReady;
  };

  await Promise.all(plan.backends.map(launch));
  const url = await launch(plan.gateway);
  console.log(
    `绩效 Jixiao (distributed: ${children.length} processes) ready in ${Date.now() - started} ms — GraphQL: ${url}  控制台 (console): ${consoleUrlOf(url)}` +
      (status ? ` — status: ${status.url}/readyz` : ''),
  );
}
