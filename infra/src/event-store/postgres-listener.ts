import { Client } from 'pg';
import { waitForWake } from '@jixiao/events';

/** One LISTEN connection per store; waiters wake on NOTIFY (sent at commit) or after their timeout. */
export class PgAppendListener {
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
  ) {}

  private connect(): Promise<void> {
    this.connecting ??= (async () => {
      const client = new Client({ connectionString: this.connectionString });
      client.on('notification', () => this.wakeAll());
      client.on('error', () => {
        this.client = null;
        this.connecting = null;
      });
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
      this.client = client;
    })();
    return this.connecting;
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
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
