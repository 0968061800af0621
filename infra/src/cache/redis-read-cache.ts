import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type Redis from 'ioredis';
import type { CachedQuery, ReadCache } from '@jixiao/service-kit';

export interface RedisReadCacheOptions {
  redis: Redis;
  /** A read-model session, to read the projections' checkpoints. */
  em: () => EntityManager;
  /** Key prefix: `<prefix>:cache:…`; the PostgreSQL schema by default, so platforms sharing a Redis stay apart. */
  prefix: string;
  /** Entries expire after this long even if nothing changes (they are unreachable after a change anyway). */
  ttlSeconds?: number;
  /** Told of each hit and miss (for logs and tests). */
  onRead?: (query: string, hit: boolean) => void;
}

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

/**
 * The read cache in Redis. Each read first reads the projections' checkpoints from the read-model
 * database (one small query); the answer is keyed by their versions, so a read that follows a
 * write sees that write (the command waited for the projections, which moved their checkpoints
 * in the same transaction as the rows). Redis is a convenience: when it fails, the query is computed.
 */
export function redisReadCache(options: RedisReadCacheOptions): ReadCache {
  const ttl = options.ttlSeconds ?? 300;
  let warned = false;
  const warn = (error: Error) => {
    if (!warned) console.warn(`read cache unavailable, computing queries directly: ${error.message}`);
    warned = true;
  };
  return {
    async read<T>(query: CachedQuery, compute: () => Promise<T>): Promise<T> {
      const rows = (await options
        .em()
        .getConnection()
        .execute('select name, stamp from rm_projection_checkpoint')) as CheckpointVersion[];
      const key = cacheKey(options.prefix, query, projectionVersions(rows, query.projections));
      const cached = await options.redis.get(key).catch((error: Error) => (warn(error), null));
      options.onRead?.(query.name, cached !== null);
      if (cached !== null) return JSON.parse(cached) as T;
      const answer = await compute();
      await options.redis.set(key, JSON.stringify(answer), 'EX', ttl).catch(warn);
      return answer;
    },
  };
}
