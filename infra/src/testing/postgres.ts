import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL the tests use: 127.0.0.1:5432, trust auth, database `test` (override with JIXIAO_TEST_PG_URL). */
export const TEST_PG_URL = process.env.JIXIAO_TEST_PG_URL ?? 'postgres://root@127.0.0.1:5432/test';

/** A fresh schema name, so each test owns its tables and drops them after. */
export function freshSchemaName(prefix = 't'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export async function withPgClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await withPgClient((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}
