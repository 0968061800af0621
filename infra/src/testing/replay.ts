import { allProjections, catalog } from '@jixiao/contexts';
import type { EventStore } from '@jixiao/events';
import { applyBatch } from '@jixiao/projections';
import { openReadModels } from '../read-models/orm';
import { dropSchema, TEST_PG_URL, withPgClient } from './postgres';

/**
 * Every read-model table of a schema, each as sorted JSON rows; checkpoints and dead letters
 * excepted (where a process stands, not what it built: a replay has neither), and the deadline
 * trackers' pending deadlines (a reaction process's state, which a replay of the projections does not build).
 */
export async function dumpReadModels(schema: string): Promise<Record<string, string[]>> {
  return withPgClient(async (c) => {
    const tables = await c.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = $1 AND table_name LIKE 'rm\\_%' AND table_name NOT IN ('rm_projection_checkpoint', 'rm_dead_letter', 'rm_deadline')
       ORDER BY table_name`,
      [schema],
    );
    const dump: Record<string, string[]> = {};
    for (const { table_name } of tables.rows) {
      const rows = await c.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${schema}"."${table_name}" t`);
      dump[table_name] = rows.rows.map((r) => r.j).sort();
    }
    return dump;
  });
}

/**
 * The read models a fresh replay from position 0 produces: every event of the store,
 * in position order, through every projection into a new schema; dumped, then dropped.
 */
export async function freshReplay(store: EventStore, replaySchema: string): Promise<Record<string, string[]>> {
  const orm = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema: replaySchema });
  try {
    const events = await store.readAll();
    for (const projection of allProjections) {
      for (let i = 0; i < events.length; i += 500) {
        await applyBatch(orm.em, projection, catalog, events.slice(i, i + 500));
      }
    }
    return await dumpReadModels(replaySchema);
  } finally {
    await orm.close();
    await dropSchema(replaySchema);
  }
}

/** Rows in the dump, per table: proof a comparison is not of two empty sets. */
export function rowCounts(dump: Record<string, string[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(dump).map(([t, rows]) => [t, rows.length]));
}
