import { allProjections, catalog } from '@jixiao/contexts';
import type { SCALES } from '@jixiao/generator';
import { openReadModels, PostgresEventStore, rebuildProjections } from '@jixiao/infra';
import { PG_URL, dropSchema, schemaName } from './pg';
import { seedPostgres } from './seed-pg';
import { figureOf, type Figure } from './stats';

export interface PostgresRebuildFigures {
  seed: { events: number; ms: number };
  /** Events in the log over the wall time of rebuilding all six read models (read once, swapped in). */
  rebuild: Figure;
  events: number;
}

/**
 * d. on PostgreSQL: a year seeded through the bulk path into a schema with its (empty) read
 * models deployed, then `rebuildProjections` of every projection, as `rebuild-main.js all` runs it.
 */
export async function rebuildOnPostgres(scale: keyof typeof SCALES, runs: number): Promise<PostgresRebuildFigures> {
  const schema = schemaName('rebuild');
  try {
    const seed = await seedPostgres(schema, scale);
    await (await openReadModels({ kind: 'postgres', connectionString: PG_URL, schema })).close();
    const store = await PostgresEventStore.open({ connectionString: PG_URL, schema, catalog });
    try {
      const perSecond: number[] = [];
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        await rebuildProjections({ store, catalog, projections: allProjections });
        perSecond.push(seed.events / ((performance.now() - started) / 1000));
      }
      return { seed, events: seed.events, rebuild: figureOf(perSecond) };
    } finally {
      await store.close();
    }
  } finally {
    await dropSchema(schema);
  }
}
