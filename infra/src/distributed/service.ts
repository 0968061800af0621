import { LogSealer, sealPeriodically } from '../audit/log-sealer';
import { allProjections, catalog, CONTEXTS } from '@jixiao/contexts';
import { redisAppliedFeed, serveSubgraph, type ServiceDeps } from '@jixiao/service-kit';
import { assertionSecret } from '../auth/token-settings';
import { redisReadCache } from '../cache/read-cache';
import type { DistributedConfig, PlatformConfig } from '../config/config';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { assignmentLookup } from '../platform/assignment-lookup';
import { closeAll, unitHierarchy, type Closable } from '../platform/platform';
import { buildSubgraph, type SubgraphName } from '../platform/subgraphs';
import { openReadModels } from '../read-models/orm';
import { openRedis } from '../redis';
import { streamVersionWaiter } from './read-your-writes';
import { openAttachments } from '../attachments/open-attachments';

export interface ServiceProcessConfig {
  config: PlatformConfig;
  postgres: { connectionString: string; schema: string };
  distributed: DistributedConfig;
}

/**
 * One subgraph as its own process (distributed mode): commands append to PostgreSQL with their
 * outbox rows in the same transaction (the relay publishes them to Kafka), queries read the
 * read models the projection workers keep, through the Redis read cache, a mutation answers
 * once the workers have applied its events (read-your-writes across processes), and
 * subscriptions hear of the workers' batches over Redis pub/sub. `/healthz` and `/readyz` (PostgreSQL
 * and Redis answer) are served on the GraphQL port.
 */
export async function startServiceProcess(name: SubgraphName, { config, postgres, distributed }: ServiceProcessConfig) {
  const opened: Closable[] = [];
  try {
    const store = await PostgresEventStore.open({ ...postgres, catalog, outbox: true });
    opened.push(store);
    // the workers create and check the tables too; whoever comes first under the schema lock prepares them
    const orm = await openReadModels({ kind: 'postgres', ...postgres }, 'refuse');
    opened.push(orm);
    const redis = openRedis(distributed.redisUrl, 'read cache');
    opened.push({ close: () => redis.quit() });
    // subscriptions hear of applied batches from the workers, over Redis pub/sub
    const applied = redisAppliedFeed(distributed.redisUrl, { channelPrefix: distributed.topicPrefix });
    opened.push(applied);
    const em = () => orm.em.fork();
    const deps: ServiceDeps = {
      store,
      catalog,
      contexts: CONTEXTS,
      em,
      waitForProjections: streamVersionWaiter({ em, projections: allProjections }),
      cache: redisReadCache({ redis, em, prefix: postgres.schema }),
      applied,
      // the files the gateway stored, described from the same PostgreSQL schema (the event store's pool)
      attachments: openAttachments({ kind: 'postgres', ...postgres }, config.attachments, store.pool).attachments,
      // every service can prove; only the audit service's processes seal, racing harmlessly (sealTreeHead)
      sealer: new LogSealer(store, config.sealer),
    };
    if (name === 'audit') opened.push(sealPeriodically(deps.sealer!, config.sealer.intervalSeconds));
    const subgraph = await buildSubgraph(name, deps);
    const server = await serveSubgraph({
      schema: subgraph.schema,
      plugins: subgraph.plugins,
      production: config.production,
      assertionSecret: assertionSecret(config.auth),
      units: unitHierarchy(orm),
      assignments: assignmentLookup(orm),
      host: config.host,
      port: config.port,
      health: {
        process: `service ${name}`,
        checks: { postgres: () => store.pool.query('SELECT 1'), redis: () => redis.ping() },
      },
    });
    opened.push(server);
    return { url: server.url, close: () => closeAll(opened) };
  } catch (error) {
    await closeAll(opened).catch(() => undefined);
    throw error;
  }
}
