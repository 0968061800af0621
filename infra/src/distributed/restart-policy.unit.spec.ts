import { decideRestart, DEFAULT_RESTART_POLICY, supervisionOf, type RestartPolicy } from './restart-policy';

const policy: RestartPolicy = { maxRestarts: 3, windowMs: 60_000, baseDelayMs: 500, maxDelayMs: 1_500 };

describe('the supervisor restarts a child that died', () => {
  it('at once-ish the first time: after the base delay', () => {
    expect(decideRestart([], 10_000, policy)).toEqual({ action: 'restart', delayMs: 500, restartsInWindow: 1 });
  });

  it('waits twice as long for each restart already in the window, up to the longest wait', () => {
    expect(decideRestart([1_000], 2_000, policy)).toMatchObject({ action: 'restart', delayMs: 1_000 });
    expect(decideRestart([1_000, 2_000], 3_000, policy)).toMatchObject({ action: 'restart', delayMs: 1_500 });
  });

  it('gives up when the child used every restart of the window', () => {
    expect(decideRestart([1_000, 2_000, 3_000], 4_000, policy)).toEqual({ action: 'give-up', restartsInWindow: 3 });
  });

  it('forgets restarts older than the window, so a child that ran well earns its restarts back', () => {
    expect(decideRestart([1_000, 2_000, 3_000], 63_000, policy)).toEqual({
      action: 'restart',
      delayMs: 500,
      restartsInWindow: 1,
    });
    expect(decideRestart([1_000, 2_000, 3_000], 62_000, policy)).toMatchObject({ action: 'restart', delayMs: 1_000 });
  });

  it('never restarts with a policy of zero restarts', () => {
    expect(decideRestart([], 0, { ...policy, maxRestarts: 0 })).toEqual({ action: 'give-up', restartsInWindow: 0 });
  });
});

describe('the supervision is configured by environment variables', () => {
  it('defaults to five restarts a minute and a liveness check every ten seconds', () => {
    expect(supervisionOf({})).toEqual({ policy: DEFAULT_RESTART_POLICY, livenessIntervalMs: 10_000 });
    expect(DEFAULT_RESTART_POLICY).toMatchObject({ maxRestarts: 5, windowMs: 60_000 });
  });

  it('reads the count, the window and the interval', () => {
    const env = { JIXIAO_RESTART_MAX: '2', JIXIAO_RESTART_WINDOW_MS: '5000', JIXIAO_LIVENESS_INTERVAL_MS: '2000' };
    expect(supervisionOf(env)).toEqual({
      policy: { ...DEFAULT_RESTART_POLICY, maxRestarts: 2, windowMs: 5_000 },
      livenessIntervalMs: 2_000,
    });
  });

  it('names every wrong value, in Chinese and English', () => {
    const env = { JIXIAO_RESTART_MAX: '-1', JIXIAO_RESTART_WINDOW_MS: '10', JIXIAO_LIVENESS_INTERVAL_MS: 'often' };
    expect(() => supervisionOf(env)).toThrow(
      [
        '配置有误 (invalid configuration):',
        '  JIXIAO_RESTART_MAX: 须为非负整数 (must be a whole number, 0 or more)',
        '  JIXIAO_RESTART_WINDOW_MS: 须为不少于 1000 的整数毫秒 (must be whole milliseconds, at least 1000)',
        '  JIXIAO_LIVENESS_INTERVAL_MS: 须为不少于 1000 的整数毫秒 (must be whole milliseconds, at least 1000)',
      ].join('\n'),
    );
  });
});
