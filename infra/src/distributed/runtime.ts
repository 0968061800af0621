import { loadConfig, type DistributedConfig, type PlatformConfig } from '../config/config';
import { SUBGRAPH_NAMES, type SubgraphName } from '../platform/subgraphs';

const invalid = (lines: string[]) => new Error(`配置有误 (invalid configuration):\n${lines.join('\n')}`);

/**
 * The configuration of a distributed-mode process; refuses to start in embedded mode. The
 * gateway and the services sign and check each request between them, so they also need the
 * same `JIXIAO_INTERNAL_SECRET` (`needsInternalSecret`).
 */
export function loadDistributedConfig(
  env: NodeJS.ProcessEnv = process.env,
  needs: { internalSecret?: boolean } = {},
): {
  config: PlatformConfig;
  postgres: { connectionString: string; schema: string };
  distributed: DistributedConfig;
} {
  const config = loadConfig(env);
  if (config.mode !== 'distributed' || !config.distributed || config.storage.kind !== 'postgres') {
    throw new Error('此进程仅用于分布式模式 (this process runs in distributed mode only): set JIXIAO_MODE=distributed');
  }
  if (needs.internalSecret && !config.auth.internalSecret) {
    throw invalid([
      '  JIXIAO_INTERNAL_SECRET: required by the gateway and each service in distributed mode (the same value in each, at least 32 characters)',
    ]);
  }
  return { config, postgres: config.storage, distributed: config.distributed };
}

/** The variable that tells the gateway where a subgraph answers: `JIXIAO_PLANNING_URL`, … */
export const subgraphUrlVariable = (name: SubgraphName) => `JIXIAO_${name.toUpperCase()}_URL`;

/** Where the gateway finds each subgraph process; every missing or malformed URL is named. */
export function loadSubgraphUrls(
  env: NodeJS.ProcessEnv = process.env,
  names: readonly SubgraphName[] = SUBGRAPH_NAMES,
): Record<SubgraphName, string> {
  const urls = {} as Record<SubgraphName, string>;
  const wrong: string[] = [];
  for (const name of names) {
    const variable = subgraphUrlVariable(name);
    const value = env[variable];
    if (!value) wrong.push(`  ${variable}: required by the gateway (the ${name} service's GraphQL URL)`);
    else if (!/^https?:\/\/[^\s]+$/.test(value))
      wrong.push(`  ${variable}: must be an http(s):// URL, e.g. http://127.0.0.1:4002/graphql`);
    else urls[name] = value;
  }
  if (wrong.length > 0) throw invalid(wrong);
  return urls;
}

/** What a projection worker process reads besides the common configuration; wrong values are named. */
export function loadWorkerSettings(
  env: NodeJS.ProcessEnv,
  known: readonly string[],
): { projections: string[]; sessionTimeoutMs: number; logBatches: boolean; batchJournal?: string } {
  const wrong: string[] = [];
  const projections = env.JIXIAO_PROJECTIONS ? env.JIXIAO_PROJECTIONS.split(',').map((p) => p.trim()) : [...known];
  const unknown = projections.filter((p) => !known.includes(p));
  if (unknown.length > 0 || projections.length === 0) {
    wrong.push(`  JIXIAO_PROJECTIONS: unknown projection ${unknown.join(', ')}; one or more of ${known.join(', ')}`);
  }
  const session = Number(env.JIXIAO_KAFKA_SESSION_TIMEOUT_MS ?? 10000);
  if (!Number.isInteger(session) || session < 1000) {
    wrong.push('  JIXIAO_KAFKA_SESSION_TIMEOUT_MS: must be a whole number of milliseconds, at least 1000');
  }
  if (wrong.length > 0) throw invalid(wrong);
  return {
    projections,
    sessionTimeoutMs: session,
    logBatches: env.JIXIAO_LOG_BATCHES === '1',
    // fault tests only: journal each batch transaction's id (see ProjectionWorkerOptions.journal)
    ...(env.JIXIAO_BATCH_JOURNAL ? { batchJournal: env.JIXIAO_BATCH_JOURNAL } : {}),
  };
}

/** Reads `argv[2]` as a subgraph name, or explains what it should be. */
export function subgraphNameOf(
  argument: string | undefined,
  names: readonly SubgraphName[] = SUBGRAPH_NAMES,
): SubgraphName {
  if (argument && names.includes(argument)) return argument;
  throw new Error(`用法 (usage): node infra/dist/service-main.js <${names.join('|')}>; got ${argument ?? 'nothing'}`);
}

/** Stops cleanly on SIGINT/SIGTERM (or when the supervisor goes) and exits non-zero on a start-up or stop error. */
export function runProcess(name: string, start: () => Promise<() => Promise<void>>): void {
  start()
    .then((stop) => {
      let stopping = false;
      // a signal and the supervisor's end may both come: stop once, exit 1 if stopping failed
      const shutdown = () => {
        if (stopping) return;
        stopping = true;
        stop().then(
          () => process.exit(0),
          (error: Error) => {
            console.error(`${name}: ${error.message}`);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      // started by the supervisor: its end (even a kill -9) closes our stdin, and we stop too
      if (process.env.JIXIAO_STOP_WITH_PARENT === '1') process.stdin.once('end', shutdown).resume();
    })
    .catch((error: Error) => {
      console.error(`${name}: ${error.message}`);
      process.exit(1);
    });
}
