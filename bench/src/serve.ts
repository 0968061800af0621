import 'reflect-metadata';
import { allProjections } from '@jixiao/contexts';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { loadConfig, SqliteEventStore, startPlatform, type RunningPlatform } from '@jixiao/infra';
import { ProjectionCheckpointSchema } from '@jixiao/projections';
import { readSupergraph } from '@jixiao/schema';
import { peakRss } from './machine';

/** The position of the newest event; the bench serves the embedded platform on SQLite only. */
function lastPosition(platform: RunningPlatform): number {
  if (!(platform.store instanceof SqliteEventStore)) throw new Error('the bench serves the platform on SQLite');
  const row = platform.store.db.prepare('SELECT COALESCE(MAX(global_position), 0) AS p FROM events').get();
  return (row as { p: number }).p;
}

/** Waits until every projection's checkpoint has reached the last event; returns events applied. */
async function waitForRebuild(platform: RunningPlatform, limitMs: number, started: number): Promise<number> {
  const last = lastPosition(platform);
  for (;;) {
    const rows = await platform.orm.em.fork().find(ProjectionCheckpointSchema, {});
    const reached = rows.length < allProjections.length ? 0 : Math.min(...rows.map((r) => r.globalPosition));
    if (reached >= last || performance.now() - started > limitMs) return reached;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** @apollo/gateway over the platform's own subgraphs, forwarding the gateway assertion the bench signs (as ours signs one). */
async function startApolloGateway(subgraphUrls: Record<string, string>): Promise<string> {
  const gateway = new ApolloGateway({
    supergraphSdl: readSupergraph(),
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource({
        url: subgraphUrls[name],
        willSendRequest({ request, context }) {
          const headers = (context as { headers?: Record<string, string> }).headers ?? {};
          for (const [k, v] of Object.entries(headers)) if (k.startsWith('x-jixiao-')) request.http?.headers.set(k, v);
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ headers: req.headers }),
  });
  return url;
}

/**
 * Child process of `npm run bench`: the embedded platform as configured by the JIXIAO_* variables,
 * timed until its read models have caught up with the store, plus @apollo/gateway on the same subgraphs.
 * Prints one JSON line when ready; prints its peak RSS for every `rss` line on stdin.
 */
async function main() {
  const started = performance.now();
  const platform = await startPlatform(loadConfig());
  const listening = performance.now() - started;
  const applied = await waitForRebuild(platform, 600_000, started);
  const rebuildMs = performance.now() - started;
  const apolloUrl = await startApolloGateway(platform.subgraphUrls);
  const ready = {
    url: platform.url,
    apolloUrl,
    subgraphUrls: platform.subgraphUrls,
    applied,
    listening,
    rebuildMs,
    rss: peakRss(),
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  process.stdin.on('data', (line) => {
    if (String(line).trim() === 'rss') process.stdout.write(`${JSON.stringify({ rss: peakRss() })}\n`);
  });
  process.stdin.on('end', () => void platform.close().then(() => process.exit(0)));
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
