import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from './pg';

/** The version a package installed here declares (read from its package.json, whatever its exports allow). */
function versionOf(name: string): string {
  for (const base of [path.resolve(__dirname, '../node_modules'), path.resolve(__dirname, '../../node_modules')]) {
    try {
      return (JSON.parse(readFileSync(path.join(base, name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // not installed at this level
    }
  }
  return 'unknown';
}

/** Machine, load and versions, so a reader can tell what the figures were measured on. */
export async function environment() {
  const pg = await sql('SHOW server_version');
  const durability = await sql("SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit')");
  return {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: pg.rows[0].server_version as string,
    postgresDurability: Object.fromEntries(durability.rows.map((r) => [r.name, r.setting])),
    packages: Object.fromEntries(
      [
        '@event-driven-io/emmett-postgresql',
        '@apollo/gateway',
        '@apollo/server',
        '@graphql-hive/gateway-runtime',
        '@graphql-hive/router-runtime',
        'better-sqlite3',
        'pg',
        '@mikro-orm/core',
        'autocannon',
        'pg-copy-streams',
      ].map((name) => [name, versionOf(name)]),
    ),
  };
}

/** The platform's peak resident set so far (Linux VmHWM), in bytes. */
export function peakRss(): number {
  const kb = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : process.memoryUsage().rss;
}
