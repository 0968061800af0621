import { Client } from 'pg';

/** The PostgreSQL the benchmarks use (trust auth, database `test`); override with JIXIAO_BENCH_PG_URL. */
export const PG_URL = process.env.JIXIAO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name of its own per benchmark, dropped afterwards. */
export const schemaName = (label: string) => `bench_${label}_${process.pid}_${Date.now().toString(36)}`;

/** A connection string whose sessions resolve unqualified tables in `schema` (for Emmett's tables). */
export const urlWithSearchPath = (schema: string) =>
  `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;

/** Runs SQL on a short-lived connection. */
export async function sql(text: string, params: unknown[] = []) {
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

export const dropSchema = (schema: string) => sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
