import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEST_PG_URL, withPgClient } from '../testing/postgres';
import { PgAppendListener } from './postgres-listener';

/**
 * The LISTEN session behind live reads: when the database is away at the first wait, or the session
 * is lost later, waiters fall back to their timeout and the listener connects again — it must not
 * keep the first failure for the life of the process (then every read would poll forever).
 */
describe('the PostgreSQL append listener', () => {
  const database = `jixiao_listener_${randomBytes(4).toString('hex')}`;
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${database}`;
  const channel = 'jixiao_listener_test';
  const listener = new PgAppendListener(url.toString(), channel, 100);
  const signal = new AbortController().signal;

  const notify = async () => {
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(`NOTIFY "${channel}"`);
    await client.end();
  };
  /** Waits for a NOTIFY sent once the listener is listening; the time it took to wake. */
  const wokenByNotify = async (timeoutMs: number) => {
    const started = Date.now();
    const waiting = listener.wait(timeoutMs, signal);
    while (!listener.listening && Date.now() - started < timeoutMs) await new Promise((r) => setTimeout(r, 20));
    expect(listener.listening).toBe(true);
    await notify();
    await waiting;
    return Date.now() - started;
  };

  afterAll(async () => {
    await listener.close();
    await withPgClient((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  });

  it('waits out its timeout while the database is away, then listens once it is there', async () => {
    const started = Date.now();
    await listener.wait(150, signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(listener.listening).toBe(false);

    await withPgClient((c) => c.query(`CREATE DATABASE "${database}"`));
    await new Promise((r) => setTimeout(r, 150)); // past retryMs since the failure
    expect(await wokenByNotify(10_000)).toBeLessThan(5_000);
  });

  it('connects again after its session is terminated', async () => {
    await withPgClient((c) =>
      c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
        database,
      ]),
    );
    const lostBy = Date.now() + 5_000;
    while (listener.listening && Date.now() < lostBy) await new Promise((r) => setTimeout(r, 20));
    expect(listener.listening).toBe(false);
    await new Promise((r) => setTimeout(r, 150));
    expect(await wokenByNotify(10_000)).toBeLessThan(5_000);
  });
});
