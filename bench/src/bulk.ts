import { CONTEXTS } from '@jixiao/contexts';
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
  for (const chunk of generateCityYear({ contexts: CONTEXTS, scale: SCALES[scale], seed })) out.push(...chunk);
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

/** Pages through the whole log, 5,000 events a page; `page` returns the page's size and where the next begins. */
async function pagedRead(page: (from: number) => Promise<{ n: number; next: number }>): Promise<number> {
  let total = 0;
  for (let from = 1; ;) {
    const { n, next } = await page(from);
    if (n === 0) return total;
    total += n;
    from = next;
  }
}

const readAllPaged = (store: PostgresEventStore) =>
  pagedRead(async (from) => {
    const events = await store.readAll({ fromPosition: from, limit: 5000 });
    return { n: events.length, next: (events[events.length - 1]?.globalPosition ?? from) + 1 };
  });

const rawSelectPaged = (pool: Pool, table: string) =>
  pagedRead(async (from) => {
    const r = await pool.query(
      `SELECT ${EVENT_COLUMNS_FOR_BENCH}, global_position FROM ${table} WHERE global_position >= $1 ORDER BY global_position LIMIT 5000`,
      [from],
    );
    return { n: r.rows.length, next: Number(r.rows[r.rows.length - 1]?.global_position ?? from) + 1 };
  });

const perSecond = (n: number, started: number) => n / ((performance.now() - started) / 1000);

/** One import of the year into a new schema, and a raw COPY of the rows it wrote into another. */
async function importOnce(appends: BatchAppend[], events: number, schema: string) {
  const raw = schemaName('copy');
  const store = await PostgresEventStore.open({ connectionString: PG_URL, schema, catalog });
  const pool = new Pool({ connectionString: PG_URL, max: 2 });
  try {
    let started = performance.now();
    for (let i = 0; i < appends.length; i += 2000) await store.appendBatch(appends.slice(i, i + 2000));
    const ours = perSecond(events, started);
    const rows = await copyOut(pool, `"${schema}".events`);
    await sql(`CREATE SCHEMA "${raw}"; CREATE TABLE "${raw}".events (LIKE "${schema}".events INCLUDING ALL)`);
    started = performance.now();
    await copyIn(pool, `"${raw}".events`, rows);
    return { ours, rawCopy: perSecond(events, started) };
  } finally {
    await store.close();
    await pool.end();
    await dropSchema(raw);
  }
}

/**
 * b. bulk import through `appendBatch` (validation, hash chain, 2,000 appends a transaction) vs a
 * raw COPY of the very rows it wrote; c. catch-up `readAll` vs a raw keyset SELECT of the same table,
 * alternating, on the last import (vacuumed) once the generated year is no longer held in memory.
 */
export async function bulkAndRead(scale: keyof typeof SCALES, runs: number): Promise<BulkFigures> {
  const values = { ours: [] as number[], rawCopy: [] as number[], readAll: [] as number[], rawSelect: [] as number[] };
  const schemas: string[] = [];
  try {
    let appends: BatchAppend[] | null = yearAppends(scale, 2023);
    const events = appends.reduce((n, a) => n + a.events.length, 0);
    for (let run = 0; run < runs; run++) {
      if (schemas.length > 0) await dropSchema(schemas.pop()!);
      schemas.push(schemaName('bulk'));
      const figures = await importOnce(appends, events, schemas[0]!);
      values.ours.push(figures.ours);
      values.rawCopy.push(figures.rawCopy);
    }
    appends = null;
    // the log as a subscriber meets it: vacuumed (hint bits set, visibility map) and analysed, not
    // the first reader of rows just imported (that reader writes every page it reads)
    await sql(`VACUUM ANALYZE "${schemas[0]}".events`);
    const store = await PostgresEventStore.open({ connectionString: PG_URL, schema: schemas[0]!, catalog });
    const pool = new Pool({ connectionString: PG_URL, max: 2 });
    try {
      for (let run = 0; run < runs; run++) {
        let started = performance.now();
        values.readAll.push(perSecond(await readAllPaged(store), started));
        started = performance.now();
        values.rawSelect.push(perSecond(await rawSelectPaged(pool, `"${schemas[0]}".events`), started));
      }
    } finally {
      await store.close();
      await pool.end();
    }
    return {
      events,
      ours: figureOf(values.ours),
      rawCopy: figureOf(values.rawCopy),
      readAll: figureOf(values.readAll),
      rawSelect: figureOf(values.rawSelect),
    };
  } finally {
    for (const schema of schemas) await dropSchema(schema);
  }
}
