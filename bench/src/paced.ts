import { Agent, request } from 'node:http';
import { quantile } from './stats';

export interface PacedResult {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

export interface Posted {
  /** The HTTP status, or 0 when the request failed or timed out without one. */
  status: number;
  /** The response body (empty without an answer). */
  body: string;
  /** `TIMEOUT` or the socket error's code when there was no answer. */
  failure?: string;
}

/** POSTs `body` to `url` through `agent` and reads the whole answer; never rejects. */
export function post(
  agent: Agent,
  url: URL,
  body: string,
  headers: Record<string, string>,
  timeoutMs = 30_000,
): Promise<Posted> {
  return new Promise<Posted>((resolve) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ status: 0, body: '', failure: error.code ?? 'ERROR' }),
        );
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ status: 0, body: '', failure: error.code ?? 'ERROR' }));
    req.end(body);
  });
}

/**
 * Open-loop load at a fixed arrival rate: request i is due at `start + i / rate`, sent then whether
 * or not earlier ones have answered, and its latency counts from when it was due (so a stalled
 * server cannot hide its backlog). autocannon's `overallRate` is not this: each connection sends
 * its share of a second back to back as the second starts (bursts of `connections` requests), and
 * its coordinated-omission correction assumes a 1 ms interval, so its percentiles measure the burst.
 */
export async function paced(
  url: string,
  body: string,
  headers: Record<string, string>,
  seconds: number,
  rate: number,
): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const target = new URL(url);
  const total = Math.round(seconds * rate);
  const latencies: number[] = [];
  let errors = 0;
  const send = async (due: number) => {
    const answer = await post(agent, target, body, headers);
    if (answer.status === 200) latencies.push(performance.now() - due);
    else errors++;
  };
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(due));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), rps: latencies.length / elapsed, errors };
}
