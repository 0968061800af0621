import type { ChildProcess } from 'node:child_process';
import { HEALTH_PATHS } from '@jixiao/service-kit';
import { decideRestart, type RestartPolicy } from './restart-policy';

/** One process the supervisor runs. */
export interface ProcessSpec {
  name: string;
  entry: string;
  args?: string[];
  env?: Record<string, string>;
  /** The line the process prints once it serves. */
  ready: RegExp;
  /** Where it answers `/healthz` and `/readyz`, e.g. `http://127.0.0.1:4005`. */
  health: string;
}

export type ChildState = 'starting' | 'ready' | 'restarting' | 'stopped' | 'failed';

/** What the supervisor reports of one child (its log lines and its own `/readyz`). */
export interface ChildStatus {
  name: string;
  state: ChildState;
  pid: number | null;
  /** Restarts since the supervisor started. */
  restarts: number;
  health: string;
  /** How it last exited (exit code or signal), if it did. */
  lastExit: string | null;
}

export interface SupervisedChildOptions {
  spec: ProcessSpec;
  /** Starts the process (the supervisor's node, flags and environment). */
  spawn: (spec: ProcessSpec) => ChildProcess;
  policy: RestartPolicy;
  /** The clock the restart policy reads. */
  now: () => number;
  /** Writes one supervisor log line (`problem`: a child died, hung or was given up on). */
  log: (line: string, problem?: boolean) => void;
  /** Called once the child died more often than the policy allows. */
  onGiveUp: (child: SupervisedChild) => void;
  /** Consecutive failed liveness checks after which a ready child is killed (and so restarted). */
  livenessFailures?: number;
}

/**
 * A child process kept running: its output prefixed with its name, restarted with backoff when it
 * dies (see {@link decideRestart}), killed when its `/healthz` stops answering while it is ready.
 */
export class SupervisedChild {
  state: ChildState = 'starting';
  private process: ChildProcess | null = null;
  private restartTimes: number[] = [];
  private restarts = 0;
  private lastExit: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  private failedChecks = 0;
  private resolveReady!: (line: string) => void;
  /** Resolves with the ready line's first capture (or the line) the first time the child is ready. */
  readonly firstReady = new Promise<string>((resolve) => (this.resolveReady = resolve));

  constructor(private readonly options: SupervisedChildOptions) {}

  get name(): string {
    return this.options.spec.name;
  }

  status(): ChildStatus {
    const { name, health } = this.options.spec;
    const pid = this.process?.pid ?? null;
    return { name, state: this.state, pid, restarts: this.restarts, health, lastExit: this.lastExit };
  }

  start(): void {
    const { spec, log } = this.options;
    const child = this.options.spawn(spec);
    this.process = child;
    this.state = 'starting';
    this.failedChecks = 0;
    log(`${spec.name}: 启动中 (starting), pid ${child.pid}, health ${spec.health}${HEALTH_PATHS.live}`);
    prefixLines(child.stdout!, spec.name, process.stdout, (line) => {
      const match = spec.ready.exec(line);
      if (!match || this.process !== child || this.state !== 'starting') return;
      this.state = 'ready';
      log(`${spec.name}: 就绪 (ready), pid ${child.pid}`);
      this.resolveReady(match[1] ?? line);
    });
    prefixLines(child.stderr!, spec.name, process.stderr);
    child.once('error', (error) => log(`${spec.name}: 无法启动 (could not start): ${error.message}`));
    child.once('exit', (code, signal) => this.exited(child, String(code ?? signal)));
  }

  private exited(child: ChildProcess, how: string): void {
    if (child !== this.process) return;
    const { spec, policy, log } = this.options;
    this.process = null;
    this.lastExit = how;
    if (this.stopping) {
      this.state = 'stopped';
      log(`${spec.name}: 已停止 (stopped: ${how})`);
      return;
    }
    const now = this.options.now();
    const decision = decideRestart(this.restartTimes, now, policy);
    if (decision.action === 'give-up') {
      this.state = 'failed';
      log(
        `${spec.name}: ${policy.windowMs / 1000} 秒内已重启 ${decision.restartsInWindow} 次仍退出（${how}），放弃并停止全部进程 ` +
          `(exited with ${how} after ${plural(decision.restartsInWindow, 'restart')} within ${policy.windowMs / 1000} s; giving up, stopping every process)`,
        true,
      );
      this.options.onGiveUp(this);
      return;
    }
    this.restartTimes = [...this.restartTimes.filter((t) => now - t < policy.windowMs), now];
    this.restarts++;
    this.state = 'restarting';
    log(
      `${spec.name}: 已退出（${how}），${decision.delayMs} 毫秒后重启 (exited with ${how}; restarting in ${decision.delayMs} ms, ` +
        `restart ${decision.restartsInWindow} of ${policy.maxRestarts} within ${policy.windowMs / 1000} s)`,
      true,
    );
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopping) this.start();
    }, decision.delayMs);
  }

  /** One liveness check of a ready child: after too many failures in a row it is killed, and so restarted. */
  async checkLiveness(timeoutMs = 2000): Promise<void> {
    const child = this.process;
    if (!child || this.state !== 'ready') return;
    const alive = await fetch(`${this.options.spec.health}${HEALTH_PATHS.live}`, {
      signal: AbortSignal.timeout(timeoutMs),
    }).then(
      (r) => r.arrayBuffer().then(() => r.ok),
      () => false,
    );
    if (child !== this.process) return;
    this.failedChecks = alive ? 0 : this.failedChecks + 1;
    const limit = this.options.livenessFailures ?? 3;
    if (this.failedChecks < limit) return;
    this.options.log(
      `${this.name}: 存活检查连续 ${limit} 次失败，强制结束以便重启 (liveness failed ${limit} times in a row; killing pid ${child.pid} to restart it)`,
      true,
    );
    child.kill('SIGKILL');
  }

  /** Stops the child for good: SIGTERM, then SIGKILL after `graceMs`; no restart follows. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      if (this.state !== 'failed') this.state = 'stopped';
      return;
    }
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      this.options.log(
        `${this.name}: 未在 ${graceMs / 1000} 秒内停止，强制结束 (did not stop within ${graceMs / 1000} s; killing it)`,
      );
      child.kill('SIGKILL');
    }, graceMs);
    await gone;
    clearTimeout(timer);
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function prefixLines(
  from: NodeJS.ReadableStream,
  name: string,
  to: NodeJS.WritableStream,
  onLine?: (line: string) => void,
): void {
  let rest = '';
  from.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      to.write(`[${name}] ${line}\n`);
      onLine?.(line);
    }
  });
}
