import Redis from 'ioredis';

/**
 * A Redis client for one purpose (`read cache`, `rate limits`, …): one retry per command, and
 * connection errors reported on stderr at most every 30 s instead of as unhandled error events
 * (ioredis reconnects by itself). Redis only ever holds what can be rebuilt, so its absence
 * slows things down (no cache) but loses nothing.
 */
export function openRedis(url: string, purpose: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  let lastReport = 0;
  client.on('error', (error: Error) => {
    if (Date.now() - lastReport < 30_000) return;
    lastReport = Date.now();
    console.warn(`Redis (${purpose}) unavailable: ${error.message}; retrying`);
  });
  return client;
}
