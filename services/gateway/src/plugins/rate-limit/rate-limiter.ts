import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** Port: a fixed-window budget of points per key. Memory in embedded mode, Redis when distributed. */
export interface RateLimiter {
  /** Takes `points` (default 1) from `key`'s budget; refused when fewer are left. */
  consume(key: string, points?: number): Promise<{ allowed: boolean; retryAfterMs: number }>;
}

/** Adapts any rate-limiter-flexible limiter (RateLimiterMemory, RateLimiterRedis with ioredis, ...). */
export function flexibleRateLimiter(limiter: RateLimiterAbstract): RateLimiter {
  return {
    async consume(key, points = 1) {
      try {
        await limiter.consume(key, points);
        return { allowed: true, retryAfterMs: 0 };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: rejection.msBeforeNext };
        throw rejection;
      }
    },
  };
}

/** In-process limiter: `points` per `durationSeconds` per key. */
export const memoryRateLimiter = (points: number, durationSeconds = 60): RateLimiter =>
  flexibleRateLimiter(new RateLimiterMemory({ points, duration: durationSeconds }));

/**
 * Shared across gateway processes: the budget lives in Redis (an ioredis client), so every gateway
 * instance spends the same per-user budget.
 *
 * @example redisRateLimiter(new Redis('redis://127.0.0.1:6379'), 600)
 */
export const redisRateLimiter = (
  client: unknown,
  points: number,
  options: { durationSeconds?: number; keyPrefix?: string } = {},
): RateLimiter =>
  flexibleRateLimiter(
    new RateLimiterRedis({
      storeClient: client,
      points,
      duration: options.durationSeconds ?? 60,
      keyPrefix: options.keyPrefix ?? 'jixiao:rate',
    }),
  );
