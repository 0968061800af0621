import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a process answers on `/healthz` (liveness) and `/readyz` (readiness). */
export interface HealthOptions {
  /** Which process this is, e.g. `service planning`, `worker planning`, `relay`, `gateway`. */
  process: string;
  /**
   * Readiness checks by name (`postgres`, `kafka`, …): each resolves when what it checks answers.
   * `/readyz` answers 503 if one rejects or takes longer than `checkTimeoutMs`.
   */
  checks?: Record<string, () => Promise<unknown>>;
  /** Facts added to the readiness answer (a relay's leadership, the subgraphs' readiness). */
  details?: () => Promise<Record<string, unknown>>;
  /** How long one check may take before it counts as failed. Default 2000 ms. */
  checkTimeoutMs?: number;
}

/** The liveness and readiness paths every Jixiao process serves. */
export const HEALTH_PATHS = { live: '/healthz', ready: '/readyz' } as const;

/**
 * Answers `GET /healthz` (200 while the process runs and its event loop turns) and `GET /readyz`
 * (200 when every check passes, else 503 naming the failed ones); returns false for other paths,
 * so a server can pass the request on.
 */
export function answerHealth(options: HealthOptions, req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? '/').split('?')[0];
  if (path !== HEALTH_PATHS.live && path !== HEALTH_PATHS.ready) return false;
  const base = { process: options.process, pid: process.pid, uptimeSeconds: Math.round(process.uptime()) };
  if (path === HEALTH_PATHS.live) {
    send(res, 200, { status: 'alive', ...base });
    return true;
  }
  void readiness(options).then(
    ({ ready, body }) => send(res, ready ? 200 : 503, { ...body, ...base }),
    (error: Error) => send(res, 503, { status: 'unready', error: error.message, ...base }),
  );
  return true;
}

async function readiness(options: HealthOptions) {
  const timeout = options.checkTimeoutMs ?? 2000;
  const entries = await Promise.all(
    Object.entries(options.checks ?? {}).map(async ([name, check]) => {
      try {
        await withTimeout(check(), timeout);
        return [name, 'ok'] as const;
      } catch (error) {
        return [name, `failed: ${(error as Error).message}`] as const;
      }
    }),
  );
  const ready = entries.every(([, result]) => result === 'ok');
  const details = (await options.details?.()) ?? {};
  const status = ready
    ? { status: 'ready' }
    : { status: 'unready', message: '未就绪：依赖未响应 (not ready: a dependency does not answer)' };
  return { ready, body: { ...status, checks: Object.fromEntries(entries), ...details } };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** A listening health endpoint of a process that serves nothing else over HTTP (a worker, the relay). */
export interface HealthServer {
  /** e.g. `http://127.0.0.1:4005` (append `/healthz` or `/readyz`). */
  url: string;
  close(): Promise<void>;
}

/** Serves `/healthz` and `/readyz` alone on `port` (404 elsewhere). */
export async function serveHealth(options: HealthOptions & { port: number; host?: string }): Promise<HealthServer> {
  const server = createServer((req, res) => {
    if (!answerHealth(options, req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Asks a process's `/readyz`: `ready`, `unready` (it answered 503) or `down` (no answer). */
export async function probeReadiness(origin: string, timeoutMs = 2000): Promise<'ready' | 'unready' | 'down'> {
  try {
    const response = await fetch(`${origin}${HEALTH_PATHS.ready}`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.ok ? 'ready' : 'unready';
  } catch {
    return 'down';
  }
}
