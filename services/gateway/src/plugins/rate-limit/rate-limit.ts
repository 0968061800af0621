import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import type { RateLimiter } from './rate-limiter';

/** Options of {@link JixiaoPluginRateLimit}. */
export interface RateLimitOptions {
  limiter: RateLimiter;
  /** Whose budget a request spends: the verified user id. Requests without one are not limited here. */
  keyOf(request: Request): string | undefined;
}

/** Refuses a user's requests beyond the limiter's budget with RATE_LIMITED (HTTP 429) and a retry delay. */
export function JixiaoPluginRateLimit(options: RateLimitOptions): GatewayPlugin {
  const counted = new WeakSet<Request>();
  return {
    async onParams({ request }) {
      const key = options.keyOf(request);
      if (!key || counted.has(request)) return;
      counted.add(request);
      const { allowed, retryAfterMs } = await options.limiter.consume(key);
      if (allowed) return;
      const seconds = Math.ceil(retryAfterMs / 1000);
      throw new GraphQLError(`请求过于频繁，请 ${seconds} 秒后重试 (Too many requests; retry in ${seconds} s)`, {
        extensions: {
          code: 'RATE_LIMITED',
          messageZh: `请求过于频繁，请 ${seconds} 秒后重试`,
          messageEn: `Too many requests; retry in ${seconds} s`,
          retryAfterSeconds: seconds,
          http: { status: 429, headers: { 'retry-after': String(seconds) } },
        },
      });
    },
  } as GatewayPlugin;
}
