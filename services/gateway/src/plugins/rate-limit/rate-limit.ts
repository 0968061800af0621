import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import { historyReads } from './cost';
import type { RateLimiter } from './rate-limiter';

/** Options of {@link JixiaoPluginRateLimit}. */
export interface RateLimitOptions {
  limiter: RateLimiter;
  /** Whose budget a request spends: the verified user id. Requests without one are not limited here. */
  keyOf(request: Request): string | undefined;
}

/**
 * Spends a user's budget by cost: one point for the request (refused or not), then, before it
 * runs, one more per event history it reads (see {@link historyReads}), so reading 200 goals'
 * histories costs 201 points. Beyond the budget: RATE_LIMITED (HTTP 429) with a retry delay.
 */
export function JixiaoPluginRateLimit(options: RateLimitOptions): GatewayPlugin {
  const counted = new WeakSet<Request>();
  const spend = async (key: string, points: number) => {
    const { allowed, retryAfterMs } = await options.limiter.consume(key, points);
    if (!allowed) throw rateLimited(Math.ceil(retryAfterMs / 1000));
  };
  return {
    async onParams({ request }) {
      const key = options.keyOf(request);
      if (!key || counted.has(request)) return;
      counted.add(request);
      await spend(key, 1);
    },
    async onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const key = request && options.keyOf(request);
      if (!key) return;
      const reads = historyReads(
        args.schema,
        args.document,
        args.variableValues ?? undefined,
        args.operationName ?? undefined,
      );
      if (reads > 0) await spend(key, reads);
    },
  } as GatewayPlugin;
}

function rateLimited(seconds: number): GraphQLError {
  return new GraphQLError(`请求过于频繁，请 ${seconds} 秒后重试 (Too many requests; retry in ${seconds} s)`, {
    extensions: {
      code: 'RATE_LIMITED',
      messageZh: `请求过于频繁，请 ${seconds} 秒后重试`,
      messageEn: `Too many requests; retry in ${seconds} s`,
      retryAfterSeconds: seconds,
      http: { status: 429, headers: { 'retry-after': String(seconds) } },
    },
  });
}
