import { Client } from 'pg';
import { waitForWake } from '@jixiao/events';

/**
 * One LISTEN connection per store; waiters wake on NOTIFY (sent at commit) or after their timeout.
 * Without the connection (the database away at start, or the session lost later) waiters still wake
 * at their timeout — polling — and the listener connects again, at most once per `retryMs`.
 */
export class PgAppendListener {
  /** The session being opened or open. */
  private current: Client | null = null;
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private failedAt = Number.NEGATIVE_INFINITY;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly retryMs = 1000,
  ) {}

  /** True while the LISTEN session is open. */
  get listening(): boolean {
    return this.client !== null;
  }

  private connect(): Promise<void> {
    if (!this.connecting && Date.now() - this.failedAt < this.retryMs) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new Client({ connectionString: this.connectionString });
      this.current = client;
      client.on('notification', () => this.wakeAll());
      client.on('error', () => this.lost(client));
      try {
        await client.connect();
        await client.query(`LISTEN "${this.channel}"`);
        this.client = client;
      } catch (error) {
        this.lost(client);
        throw error;
      }
    })();
    return this.connecting;
  }

  /** The session failed or was lost: the next wait after `retryMs` connects again. */
  private lost(client: Client): void {
    if (client !== this.current) return;
    this.current = null;
    this.client = null;
    this.connecting = null;
    this.failedAt = Date.now();
    void client.end().catch(() => undefined);
  }

  /** Wakes every waiter now (an append committed in this process). */
  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Until a NOTIFY or `wakeAll`, `timeoutMs`, or `signal` aborting, whichever is first. */
  async wait(timeoutMs: number, signal: AbortSignal): Promise<void> {
    await this.connect().catch(() => undefined);
    await waitForWake(timeoutMs, signal, (wake) => {
      this.waiters.add(wake);
      return () => this.waiters.delete(wake);
    });
  }

  async close(): Promise<void> {
    this.wakeAll();
    await this.connecting?.catch(() => undefined);
    const client = this.current;
    this.current = null;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
