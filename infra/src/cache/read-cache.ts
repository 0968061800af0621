import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { CachedQuery, ReadCache } from '@jixiao/service-kit';

/** A checkpoint row as the cache reads it. */
export interface CheckpointVersion {
  name: string;
  stamp: string;
}

/**
 * The version of the projections a query reads: the stamps of each one's checkpoint rows.
 * Embedded mode keeps one row per projection (`planning.goals`), a Kafka worker one per partition
 * (`planning.goals@jixiao.goal/0`). Every applied batch draws its row a new random stamp in the
 * same transaction as its rows, and so does a rebuild's swap, so a version is never seen twice —
 * unlike a position, which a partition may deliver out of order.
 */
export function projectionVersions(rows: readonly CheckpointVersion[], projections: readonly string[]): string {
  return projections
    .map((projection) =>
      rows
        .filter((r) => r.name === projection || r.name.startsWith(`${projection}@`))
        .map((r) => `${r.name}:${r.stamp}`)
        .sort()
        .join(','),
    )
    .join('|');
}

/** The Redis key of one answer: query name plus a digest of its key and the projections' versions. */
export function cacheKey(prefix: string, query: CachedQuery, versions: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([query.key, versions]))
    .digest('base64url');
  return `${prefix}:cache:${query.name}:${digest}`;
}

/** Where answers are kept, as JSON text: Redis, or this process's memory. */
export interface CacheEntries {
  get(key: string): Promise<string | null>;
  set(key: string, json: string, ttlSeconds: number): Promise<void>;
}

export interface VersionedReadCacheOptions {
  entries: CacheEntries;
  /** A read-model session, to read the projections' checkpoints. */
  em: () => EntityManager;
  /** Key prefix: `<prefix>:cache:…`, so platforms sharing a Redis stay apart. */
  prefix: string;
  /** Entries expire after this long even if nothing changes (they are unreachable after a change anyway). */
  ttlSeconds?: number;
  /** Told of each hit and miss (for logs and tests). */
  onRead?: (query: string, hit: boolean) => void;
  /** Told once when the entries cannot be read or written; the query is then computed. */
  onUnavailable?: (error: Error) => void;
}

/**
 * The read cache. Each read first reads the projections' checkpoints from the read-model
 * database (one small query); the answer is keyed by their versions, so a read that follows a
 * write sees that write (the command waited for the projections, which moved their checkpoints
 * in the same transaction as the rows). Answers are kept as JSON, so a hit returns what a miss
 * would after a round trip through JSON, wherever the entries live. A failing store is a
 * convenience lost: the query is computed.
 */
export function versionedReadCache(options: VersionedReadCacheOptions): ReadCache {
  const ttl = options.ttlSeconds ?? 300;
  let warned = false;
  const warn = (error: Error) => {
    if (!warned) options.onUnavailable?.(error);
    warned = true;
  };
  return {
    async read<T>(query: CachedQuery, compute: () => Promise<T>): Promise<T> {
      const rows = (await options
        .em()
        .getConnection()
        .execute('select name, stamp from rm_projection_checkpoint')) as CheckpointVersion[];
      const key = cacheKey(options.prefix, query, projectionVersions(rows, query.projections));
      const cached = await options.entries.get(key).catch((error: Error) => (warn(error), null));
      options.onRead?.(query.name, cached !== null);
      if (cached !== null) return JSON.parse(cached) as T;
      const answer = await compute();
      await options.entries.set(key, JSON.stringify(answer), ttl).catch(warn);
      return answer;
    },
  };
}

/** The read cache in Redis (distributed mode, or embedded with `JIXIAO_REDIS_URL`). */
export function redisReadCache(options: Omit<VersionedReadCacheOptions, 'entries'> & { redis: Redis }): ReadCache {
  const { redis, ...rest } = options;
  return versionedReadCache({
    ...rest,
    entries: {
      get: (key) => redis.get(key),
      set: async (key, json, ttlSeconds) => void (await redis.set(key, json, 'EX', ttlSeconds)),
    },
    onUnavailable: (error) => console.warn(`read cache unavailable, computing queries directly: ${error.message}`),
  });
}

/**
 * The read cache in this process's memory (embedded mode without Redis): the least recently
 * used answers, up to `maxBytes` of JSON (32 MiB by default).
 */
export function memoryReadCache(
  options: Omit<VersionedReadCacheOptions, 'entries'> & { maxBytes?: number },
): ReadCache {
  const { maxBytes = 32 * 2 ** 20, ...rest } = options;
  const lru = new LRUCache<string, string>({ maxSize: maxBytes, sizeCalculation: (json) => json.length * 2 + 1 });
  return versionedReadCache({
    ...rest,
    entries: {
      get: async (key) => lru.get(key) ?? null,
      set: async (key, json, ttlSeconds) => void lru.set(key, json, { ttl: ttlSeconds * 1000 }),
    },
  });
}
