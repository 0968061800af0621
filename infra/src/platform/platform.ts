import { CONTEXTS } from '@jixiao/contexts';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { EventCatalog, EventStore } from '@jixiao/events';
import {
  loadTrustedDocuments,
  memoryRateLimiter,
  redisRateLimiter,
  startGatewayServer,
  type RateLimiter,
} from '@jixiao/gateway';
import {
  parkingSettingsOf,
  ProjectionRunner,
  readModelEntitiesOf,
  UnitRowSchema,
  type ParkingSettings,
} from '@jixiao/projections';
import { composeSupergraph, readSupergraph } from '@jixiao/schema';
import {
  catalogOf,
  InProcessAppliedFeed,
  policyOf,
  projectionsOf,
  publicOperationsOf,
  serveSubgraph,
  tokenVerifier,
  type AssertionSecret,
  type Attachments,
  type ContextModule,
  type ReadCache,
  type ServiceDeps,
  type UnitHierarchy,
} from '@jixiao/service-kit';
import { assertionSecret, tokenSettings } from '../auth/token-settings';
import { subgraphReadiness } from '../distributed/health';
import type { PlatformConfig } from '../config/config';
import { memoryReadCache, redisReadCache } from '../cache/read-cache';
import { PostgresEventStore, SqliteEventStore } from '../event-store';
import { openReadModels } from '../read-models/orm';
import { openRedis } from '../redis';
import { assignmentLookup } from './assignment-lookup';
import { lastEventOf } from './last-event';
import { startReactions } from '../reactions/start-reactions';
import { seedIfEmpty, type SeedOutcome } from './seed';
import { buildSubgraphs, subgraphDefinitions } from './subgraphs';
import { builtConsoleDir, consoleConfigOf, consoleSite } from '../console/console-site';
import { devSignIn } from '../console/dev-sign-in';
import { attachmentRoutes } from '../attachments/attachment-http';
import { openAttachments } from '../attachments/open-attachments';
import { LogSealer, sealPeriodically } from '../audit/log-sealer';

/** What the platform needs from the configuration. */
export type PlatformStartConfig = Pick<PlatformConfig, 'host' | 'port' | 'storage' | 'production' | 'auth' | 'limits'> &
  Partial<Pick<PlatformConfig, 'seed' | 'browser' | 'attachments' | 'sealer'>> & {
    /**
     * The bounded contexts to run; the platform's own list (`CONTEXTS`) by default. Given another
     * list (a test adds a context), the gateway serves a supergraph composed from it at start
     * instead of the committed one.
     */
    contexts?: readonly ContextModule[];
    /** The clock the deadline scheduler reads; now by default (tests pass a fake one). */
    clock?: () => Date;
    /** How often an event a projection or reaction throws on is tried before it is parked; `JIXIAO_MAX_ATTEMPTS`. */
    parking?: ParkingSettings;
  };

export interface RunningPlatform {
  /** The GraphQL endpoint of the gateway (HTTP; subscriptions over SSE). */
  url: string;
  /** The gateway's GraphQL-over-WebSocket endpoint (graphql-ws) for subscriptions. */
  wsUrl: string;
  /** Each subgraph's private URL (they refuse requests that do not come through the gateway). */
  subgraphUrls: Record<string, string>;
  store: EventStore;
  orm: MikroORM;
  /** The attachment store (a folder beside the SQLite file, or the PostgreSQL schema's table) and its limits. */
  attachments: Attachments;
  /** How many live subscriptions listen to a projection's applied batches now (tests wait on it). */
  liveListeners(projection: string): number;
  /** What was seeded into the empty store at start, if anything. */
  seeded: SeedOutcome | null;
  /** Resolves once every projection and reaction has handled everything appended so far (false on timeout). */
  caughtUp(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The log's sealer as configured; without a configuration, on SQLite, one that keeps its key and heads
 * beside the file and seals on demand only (tests' platforms); on PostgreSQL without one, none.
 */
function sealerOf(store: EventStore, config: PlatformStartConfig): LogSealer | undefined {
  if (config.sealer) return new LogSealer(store, config.sealer, config.clock);
  if (config.storage.kind !== 'sqlite') return undefined;
  const dir = path.dirname(config.storage.file);
  const defaults = { intervalSeconds: 0, log: 'jixiao/embedded' };
  const files = { keyFile: path.join(dir, 'sealer-key.jwk.json'), treeHeadDir: path.join(dir, 'tree-heads') };
  return new LogSealer(store, { ...defaults, ...files }, config.clock);
}

/** Opens the configured event store (checking appends against `catalog`), creating the SQLite folder if needed. */
export async function openStore(
  storage: PlatformConfig['storage'],
  catalog: EventCatalog = catalogOf(CONTEXTS),
): Promise<EventStore> {
  if (storage.kind === 'postgres') return PostgresEventStore.open({ ...storage, catalog });
  mkdirSync(path.dirname(storage.file), { recursive: true });
  return new SqliteEventStore({ file: storage.file, catalog });
}

/**
 * Starts the whole platform in one process: event store, read models and their
 * projection runner, every subgraph on a private port, and the gateway in front.
 */
export async function startPlatform(config: PlatformStartConfig): Promise<RunningPlatform> {
  const store = await openStore(config.storage, catalogOf(config.contexts ?? CONTEXTS));
  const opened: Closable[] = [store];
  try {
    // seeding before the projections start lets the runner catch up on it like any history
    const seeded = await seedIfEmpty(store, config.seed ?? 'none');
    return { ...(await startOn(store, opened, config)), seeded };
  } catch (error) {
    // a failed start (a taken port, say) releases what it opened
    await closeAll(opened).catch(() => undefined);
    throw error;
  }
}

export interface Closable {
  close(): Promise<unknown>;
}

/** Closes newest first: the gateway before the subgraphs, the runner before the databases. */
export async function closeAll(opened: Closable[]): Promise<void> {
  for (const resource of [...opened].reverse()) await resource.close();
}

async function startOn(
  store: EventStore,
  opened: Closable[],
  config: PlatformStartConfig,
): Promise<Omit<RunningPlatform, 'seeded'>> {
  const secret = assertionSecret(config.auth);
  const contexts = config.contexts ?? CONTEXTS;
  const catalog = catalogOf(contexts);
  const projections = projectionsOf(contexts);
  const parking = config.parking ?? parkingSettingsOf(process.env);
  const orm = await openReadModels(config.storage, 'rebuild', readModelEntitiesOf(projections));
  opened.push(orm);
  // live subscriptions hear of each applied batch in process (in distributed mode: Redis)
  const applied = new InProcessAppliedFeed();
  opened.push(applied);
  const runner = new ProjectionRunner({
    store,
    orm,
    catalog,
    projections,
    onError: (name, error) => console.error(`projection ${name} failed; retrying`, error),
    onApplied: applied.publish,
    parking,
  });
  await runner.start();
  opened.push({ close: () => runner.stop() });
  // reactions and the deadline scheduler in this process (distributed mode: the reactions process),
  // once the read models hold the history there was at start: on SQLite their appends would otherwise
  // contend with the catch-up's transactions (SQLITE_BUSY_SNAPSHOT, a second's retry each)
  let closing = false;
  const reactionsStarted = (async () => {
    const history = await lastEventOf(store);
    while (history && !closing && !(await runner.waitFor(history, 500)));
    return closing ? null : startReactions({ store, orm, catalog, contexts, now: config.clock, parking });
  })();
  reactionsStarted.catch((error: Error) => console.error(`reactions did not start: ${error.message}`));
  opened.push({
    close: async () => {
      closing = true;
      await (await reactionsStarted.catch(() => null))?.close();
    },
  });
  const em = () => orm.em.fork();
  // files are kept where the events are: beside the SQLite file, or in the PostgreSQL schema
  const files = openAttachments(config.storage, config.attachments, poolOf(store));
  opened.push(files);
  const attachments = files.attachments;
  const sealer = sealerOf(store, config);
  if (sealer) opened.push(sealPeriodically(sealer, config.sealer?.intervalSeconds ?? 0));
  const deps: ServiceDeps = {
    store,
    catalog,
    contexts,
    em,
    waitForProjections: (events, timeoutMs) => runner.waitFor(events, timeoutMs),
    cache: readCacheOf(config, em, opened),
    applied,
    attachments,
    // the scheduler's clock: a command's "today" is the same day the deadlines see
    now: config.clock,
    sealer,
  };
  const units = unitHierarchy(orm);
  const subgraphUrls: Record<string, string> = {};
  const subscriptionUrls: Record<string, string> = {};
  for (const [name, subgraph] of Object.entries(await buildSubgraphs(deps, contexts))) {
    const server = await serveSubgraph({
      schema: subgraph.schema,
      plugins: subgraph.plugins,
      production: config.production,
      assertionSecret: secret,
      units,
      assignments: assignmentLookup(orm),
    });
    opened.push(server);
    subgraphUrls[name] = server.url;
    subscriptionUrls[name] = server.wsUrl; // every subgraph serves graphql-ws; only those with subscriptions are asked
  }
  const supergraph = config.contexts ? composeSupergraph(await subgraphDefinitions(contexts)) : undefined;
  const gateway = await startGateway(
    config,
    { subgraphUrls, subscriptionUrls, supergraph, attachments },
    secret,
    opened,
  );
  const caughtUp = async (timeoutMs?: number) => {
    const last = await lastEventOf(store);
    if (!last) return true;
    if (!(await runner.waitFor(last, timeoutMs))) return false;
    const reactions = await reactionsStarted;
    return reactions !== null && reactions.runner.waitFor(last, timeoutMs);
  };
  return {
    url: gateway.url,
    wsUrl: gateway.wsUrl,
    subgraphUrls,
    store,
    orm,
    attachments,
    caughtUp,
    liveListeners: (projection) => applied.listenerCount(projection),
    close: () => closeAll(opened),
  };
}

/** The unit tree as the subgraphs' row scopes read it (children of a unit), from the units read model. */
export function unitHierarchy(orm: MikroORM): UnitHierarchy {
  return {
    childrenOf: async (unitId) =>
      (await orm.em.fork().find(UnitRowSchema, { parentId: unitId })).map((row) => row.unitId),
  };
}

/** The event store's PostgreSQL pool, which the attachment store shares; none for SQLite. */
function poolOf(store: EventStore) {
  return store instanceof PostgresEventStore ? store.pool : undefined;
}

/**
 * The gateway in front of the subgraphs at `subgraphUrls` (and their graphql-ws endpoints at
 * `subscriptionUrls`, for those with subscriptions): token checks, limits, the committed supergraph;
 * beside GraphQL the console and, given `attachments`, the upload and download of attachments.
 */
export async function startGateway(
  config: PlatformStartConfig,
  {
    subgraphUrls,
    subscriptionUrls,
    supergraph,
    attachments,
  }: {
    subgraphUrls: Record<string, string>;
    subscriptionUrls: Record<string, string>;
    supergraph?: string;
    attachments?: Attachments;
  },
  secret: AssertionSecret,
  opened: Closable[],
) {
  const verify = tokenVerifier(tokenSettings(config.auth));
  const consolePages = consoleSite({
    dir: builtConsoleDir(),
    config: consoleConfigOf(config.auth),
    devSignIn: config.production ? undefined : devSignIn(config.auth, () => gatewayUrl),
  });
  // uploads and downloads spend the same per-user budget as GraphQL requests
  const rateLimiter = openRateLimiter(config.limits, opened);
  const files =
    attachments && attachmentRoutes({ attachments, verify, corsOrigins: config.browser?.corsOrigins, rateLimiter });
  const gateway = await startGatewayServer({
    host: config.host,
    port: config.port,
    supergraph: supergraph ?? readSupergraph(),
    subgraphUrls,
    subscriptionUrls,
    environment: config.production ? 'production' : 'development',
    logging: 'warn',
    auth: {
      verify,
      assertionSecret: secret,
      // 公开: the policy's PUBLIC rows run without a token
      publicOperations: publicOperationsOf(policyOf(config.contexts ?? CONTEXTS)),
    },
    rateLimiter,
    limits: { maxBodyBytes: config.limits.maxBodyBytes },
    corsOrigins: config.browser?.corsOrigins,
    persistedDocuments: persistedDocumentsOf(config.browser),
    // an operator sees each subgraph's readiness here; one down does not take the gateway out of rotation
    health: { process: 'gateway', details: subgraphReadiness(subgraphUrls) },
    site: files ? async (req, res) => (await files(req, res)) || consolePages(req, res) : consolePages,
  });
  const gatewayUrl = gateway.url;
  opened.push(gateway);
  return gateway;
}

/** The trusted documents of `JIXIAO_PERSISTED_DOCUMENTS`, read at start (a bad file stops the start). */
function persistedDocumentsOf(browser: PlatformConfig['browser'] | undefined) {
  const persisted = browser?.persistedDocuments;
  return persisted && { documents: loadTrustedDocuments(persisted.file), only: persisted.only };
}

/** The hottest queries read through Redis when it is configured, else through this process's memory. */
function readCacheOf(config: PlatformStartConfig, em: () => EntityManager, opened: Closable[]): ReadCache {
  if (!config.limits.redisUrl) return memoryReadCache({ em, prefix: 'embedded' });
  const redis = openRedis(config.limits.redisUrl, 'read cache');
  opened.push({ close: () => redis.quit() });
  const prefix =
    config.storage.kind === 'postgres'
      ? config.storage.schema
      : `sqlite-${createHash('sha256').update(config.storage.file).digest('hex').slice(0, 12)}`;
  return redisReadCache({ redis, em, prefix });
}

/** In memory, or in Redis when `JIXIAO_REDIS_URL` is set (the client is closed with the platform). */
function openRateLimiter(limits: PlatformConfig['limits'], opened: Closable[]): RateLimiter {
  if (!limits.redisUrl) return memoryRateLimiter(limits.ratePerMinute);
  const client = openRedis(limits.redisUrl, 'rate limits');
  opened.push({ close: () => client.quit() });
  return redisRateLimiter(client, limits.ratePerMinute);
}
