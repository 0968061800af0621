import { probeReadiness, serveHealth, type HealthOptions, type HealthServer } from '@jixiao/service-kit';

/**
 * `JIXIAO_HEALTH_PORT`: where a process without a GraphQL port (a projection worker, the outbox
 * relay) serves `/healthz` and `/readyz`; unset, it serves none. Wrong values are named.
 */
export function healthPortOf(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.JIXIAO_HEALTH_PORT;
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(
      `配置有误 (invalid configuration):\n  JIXIAO_HEALTH_PORT: 须为 1–65535 的端口 (must be a port, 1–65535); got ${value}`,
    );
  }
  return port;
}

/** Serves a worker's or the relay's health endpoints on `JIXIAO_HEALTH_PORT` when it is set. */
export async function serveProcessHealth(options: HealthOptions, host: string): Promise<HealthServer | null> {
  const port = healthPortOf();
  return port === undefined ? null : serveHealth({ ...options, port, host });
}

/** A readiness check that passes once `isReady()` is true, else fails saying `what` is still under way. */
export const startedCheck = (isReady: () => boolean, what: string) => async () => {
  if (!isReady()) throw new Error(`${what} 尚未完成 (still starting: ${what})`);
};

/** The gateway's readiness details: each subgraph process's own `/readyz`, as the gateway sees it. */
export function subgraphReadiness(subgraphUrls: Record<string, string>): HealthOptions['details'] {
  return async () => ({
    subgraphs: Object.fromEntries(
      await Promise.all(
        Object.entries(subgraphUrls).map(async ([name, url]) => [name, await probeReadiness(new URL(url).origin)]),
      ),
    ),
  });
}
