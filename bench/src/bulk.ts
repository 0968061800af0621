import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { Pool } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { catalog, EVENT_COLUMNS_FOR_BENCH, type BatchAppend } from './columns';
import { generateCityYear, SCALES } from '@jixiao/generator';
import { PostgresEventStore } from '@jixiao/infra';
import { PG_URL, dropSchema, schemaName, sql } from './pg';
import { figureOf, type Figure } from './stats';

export interface BulkFigures {
  events: number;
  ours: Figure;
  rawCopy: Figure;
  readAll: Figure;
  rawSelect: Figure;
}

/** The appends of a generated year, held in memory so only the store's work is timed. */
export function yearAppends(scale: keyof typeof SCALES, seed: number): BatchAppend[] {
  const out: BatchAppend[] = [];
  for (const chunk of generateCityYear({ scale: SCALES[scale], seed })) out.push(...chunk);
  return out;
}

async function copyOut(pool: Pool, table: string): Promise<Buffer> {
  const client = await pool.connect();
  const parts: Buffer[] = [];
  try {
    await pipeline(
      client.query(copyTo(`COPY ${table} (${EVENT_COLUMNS_FOR_BENCH}) TO STDOUT`)),
      new Writable({ write: (chunk: Buffer, _e, done) => void (parts.push(chunk), done()) }),
    );
  } finally {
    client.release();
  }
  return Buffer.concat(parts);
}

async function copyIn(pool: Pool, table: string, rows: Buffer): Promise<void> {
  const client = await pool.connect();
  try {
    await pipeline(
      Readable.from([rows]),
      client.query(copyFrom(`COPY ${table} (${EVENT_COLUMNS_FOR_BENCH}) FROM STDIN`)),
    );
  } finally {
    client.release();
  }
}

/** Pages through the whole log 5,000 events at a time, as a catching-up subscriber would. */
async function readAllPaged(store: PostgresEventStore): Promise<number> {
  let from = 1;
  let n = 0;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, limit: 5000 });
    if (page.length === 0) return n;
    n += page.length;
    from = page[page.length - 1]!.globalPosition + 1;
  }
}

async function rawSelectPaged(pool: Pool, table: string): Promise<number> {
  let from = 1;
  let n = 0;
  for (;;) {
    const r = await pool.query(
      `SELECT ${EVENT_COLUMNS_FOR_BENCH}, global_position FROM ${table} WHERE global_position >= $1 ORDER BY global_position LIMIT 5000`,
      [from],
    );
    if (r.rows.length === 0) return n;
    n += r.rows.length;
    from = Number(r.rows[r.rows.length - 1].global_position) + 1;
  }
}

const perSecond = (n: number, started: number) => n / ((performance.now() - started) / 1000);

/**
 * b. bulk import through `appendBatch` (validation, hash chain, 2,000 appends a transaction) vs a
 * raw COPY of the very rows it wrote; c. catch-up `readAll` vs a raw keyset SELECT of the same table.
 */
export async function bulkAndRead(scale: keyof typeof SCALES, runs: number): Promise<BulkFigures> {
  const values = { ours: [] as number[], rawCopy: [] as number[], readAll: [] as number[], rawSelect: [] as number[] };
  let events = 0;
  for (let run = 0; run < runs; run++) {
    const appends = yearAppends(scale, 2023 + run);
    events = appends.reduce((n, a) => n + a.events.length, 0);
    const ours = schemaName('bulk');
    const raw = schemaName('copy');
    const store = await PostgresEventStore.open({ connectionString: PG_URL, schema: ours, catalog });
    const pool = new Pool({ connectionString: PG_URL, max: 2 });
    try {
      let started = performance.now();
      for (let i = 0; i < appends.length; i += 2000) await store.appendBatch(appends.slice(i, i + 2000));
      values.ours.push(perSecond(events, started));
      const rows = await copyOut(pool, `"${ours}".events`);
      await sql(`CREATE SCHEMA "${raw}"; CREATE TABLE "${raw}".events (LIKE "${ours}".events INCLUDING ALL)`);
      started = performance.now();
      await copyIn(pool, `"${raw}".events`, rows);
      values.rawCopy.push(perSecond(events, started));
      started = performance.now();
      values.readAll.push(perSecond(await readAllPaged(store), started));
      started = performance.now();
      values.rawSelect.push(perSecond(await rawSelectPaged(pool, `"${ours}".events`), started));
    } finally {
      await store.close();
      await pool.end();
      await dropSchema(ours);
      await dropSchema(raw);
    }
  }
  return {
    events,
    ours: figureOf(values.ours),
    rawCopy: figureOf(values.rawCopy),
    readAll: figureOf(values.readAll),
    rawSelect: figureOf(values.rawSelect),
  };
}
