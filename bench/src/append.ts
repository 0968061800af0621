import { catalog } from '@jixiao/contexts';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { GENESIS_HASH, hashEvent } from '@jixiao/events';
import { PostgresEventStore } from '@jixiao/infra';
import { PG_URL, dropSchema, schemaName, sql, urlWithSearchPath } from './pg';
import { repeat, throughput, type Figure } from './stats';

const metadata = { actorId: 'zhang.wei', role: 'BUDGET_UNIT', unitId: 'u-bench' };
const unitEvent = (i: number) => ({
  type: 'BudgetUnitRegistered',
  data: {
    unitId: `u${i}`,
    code: `B${i}`,
    name: `天门市测试单位${i}`,
    level: 'FIRST',
    parentId: null,
    divisionCode: '429006',
    sector: '',
  },
});

export interface AppendFigures {
  writers: number;
  ours: Figure;
  emmett: Figure;
  raw: Figure;
}

/** a. one-event appends to new streams: ours, Emmett and a raw one-row INSERT per transaction, same server. */
export async function appendThroughput(writers: number, total: number, runs: number): Promise<AppendFigures> {
  const ours = schemaName('ours');
  const emmett = schemaName('emmett');
  const raw = schemaName('raw');
  const store = await PostgresEventStore.open({
    connectionString: PG_URL,
    schema: ours,
    catalog,
    pool: { max: writers },
  });
  await sql(`CREATE SCHEMA "${emmett}"; CREATE SCHEMA "${raw}"`);
  await sql(`CREATE TABLE "${raw}".events (LIKE "${ours}".events INCLUDING ALL)`);
  const peer = getPostgreSQLEventStore(urlWithSearchPath(emmett), { connectionOptions: { max: writers } } as never);
  const pool = new Pool({ connectionString: PG_URL, max: writers });
  try {
    // warm-up: Emmett creates its schema on first use; every pool opens its connections
    await peer.appendToStream(`unit-warm-${randomUUID()}`, [{ ...unitEvent(0), metadata }] as never);
    const figures = {
      ours: await repeat(runs, (run) =>
        throughput(writers, total, (i) =>
          store.appendToStream(`unit-${run}-${i}`, [unitEvent(i)], { expectedVersion: 0, metadata }),
        ),
      ),
      emmett: await repeat(runs, (run) =>
        throughput(writers, total, (i) =>
          peer.appendToStream(`unit-${run}-${i}`, [{ ...unitEvent(i), metadata }] as never, {
            expectedStreamVersion: STREAM_DOES_NOT_EXIST,
          }),
        ),
      ),
      raw: await repeat(runs, (run) =>
        throughput(writers, total, (i) => {
          const e = unitEvent(i);
          const fields = {
            eventId: randomUUID(),
            streamId: `unit-${run}-${i}`,
            streamVersion: 1,
            type: e.type,
            schemaVersion: 1,
            data: e.data,
            metadata,
            recordedAt: new Date().toISOString(),
            previousHash: GENESIS_HASH,
          };
          return pool.query(
            `INSERT INTO "${raw}".events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, previous_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [
              fields.eventId,
              fields.streamId,
              1,
              e.type,
              1,
              JSON.stringify(e.data),
              JSON.stringify(metadata),
              fields.recordedAt,
              GENESIS_HASH,
              hashEvent(fields),
            ],
          );
        }),
      ),
    };
    return { writers, ...figures };
  } finally {
    await store.close();
    await peer.close();
    await pool.end();
    for (const s of [ours, emmett, raw]) await dropSchema(s);
  }
}
