import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const KAFKA_SCRIPTS = resolve(__dirname, '../../../infra/kafka');

/** Stops the local broker with the project's own script (controlled shutdown). */
export async function stopKafka(): Promise<void> {
  await run('bash', [resolve(KAFKA_SCRIPTS, 'stop.sh')]);
}

/** Starts the local broker with the project's own script; resolves once it answers metadata. */
export async function startKafka(): Promise<void> {
  await run('bash', [resolve(KAFKA_SCRIPTS, 'start.sh')], { timeout: 180_000 });
}

/**
 * Restarts the local PostgreSQL cluster in immediate mode: no checkpoint, clients cut off,
 * crash recovery from the WAL at start — what a power cut does to the server process.
 */
export async function restartPostgresImmediately(): Promise<void> {
  const version = readdirSync('/etc/postgresql').sort().pop();
  if (!version) throw new Error('no cluster under /etc/postgresql');
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart', '-m', 'immediate'], {
    timeout: 120_000,
  });
}
