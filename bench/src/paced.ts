import { Agent, request } from 'node:http';

export interface PacedResult {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
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
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) latencies.push(performance.now() - due);
            else errors++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
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
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), rps: latencies.length / elapsed, errors };
}
