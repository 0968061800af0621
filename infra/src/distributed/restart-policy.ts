/** How the supervisor restarts a child that died: a bounded number of times per window, with backoff. */
export interface RestartPolicy {
  /** Restarts allowed within `windowMs`; one more death inside the window gives up. */
  maxRestarts: number;
  /** The sliding window over which restarts are counted. */
  windowMs: number;
  /** The wait before the first restart in a window; each further one doubles it. */
  baseDelayMs: number;
  /** The longest wait before a restart. */
  maxDelayMs: number;
}

/** Five restarts a minute, after 0.5 s, 1 s, 2 s, 4 s, 8 s; a sixth death within the minute gives up. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  maxRestarts: 5,
  windowMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
};

export type RestartDecision =
  { action: 'restart'; delayMs: number; restartsInWindow: number } | { action: 'give-up'; restartsInWindow: number };

/**
 * What to do about a child that died at `now`, given the times of its earlier restarts: restart it
 * after an exponential backoff, or give up once it used `maxRestarts` within `windowMs`.
 *
 * @example decideRestart([], 1000, DEFAULT_RESTART_POLICY) // { action: 'restart', delayMs: 500, restartsInWindow: 1 }
 */
export function decideRestart(restartTimes: readonly number[], now: number, policy: RestartPolicy): RestartDecision {
  const recent = restartTimes.filter((t) => now - t < policy.windowMs).length;
  if (recent >= policy.maxRestarts) return { action: 'give-up', restartsInWindow: recent };
  const delayMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** recent);
  return { action: 'restart', delayMs, restartsInWindow: recent + 1 };
}

/**
 * The supervisor's settings from `JIXIAO_RESTART_MAX`, `JIXIAO_RESTART_WINDOW_MS` (over the default
 * policy) and `JIXIAO_LIVENESS_INTERVAL_MS` (how often it asks each child's `/healthz`; default
 * 10 s); wrong values are named.
 */
export function supervisionOf(env: NodeJS.ProcessEnv): { policy: RestartPolicy; livenessIntervalMs: number } {
  const wholeNumber = (name: string, fallback: number, min: number, rule: string) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < min) wrong.push(`  ${name}: ${rule}`);
    return value;
  };
  const wrong: string[] = [];
  const maxRestarts = wholeNumber('JIXIAO_RESTART_MAX', DEFAULT_RESTART_POLICY.maxRestarts, 0, MUST_BE_COUNT);
  const windowMs = wholeNumber('JIXIAO_RESTART_WINDOW_MS', DEFAULT_RESTART_POLICY.windowMs, 1000, MUST_BE_MS);
  const livenessIntervalMs = wholeNumber('JIXIAO_LIVENESS_INTERVAL_MS', 10_000, 1000, MUST_BE_MS);
  if (wrong.length > 0) throw new Error(`配置有误 (invalid configuration):\n${wrong.join('\n')}`);
  return { policy: { ...DEFAULT_RESTART_POLICY, maxRestarts, windowMs }, livenessIntervalMs };
}

const MUST_BE_COUNT = '须为非负整数 (must be a whole number, 0 or more)';
const MUST_BE_MS = '须为不少于 1000 的整数毫秒 (must be whole milliseconds, at least 1000)';
