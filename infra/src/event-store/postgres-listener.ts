import { Client } from 'pg';

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

  async wait(timeoutMs: number): Promise<void> {
    await this.connect().catch(() => undefined);
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
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
