import { catalog, CONTEXTS } from '@jixiao/contexts';
import { seedCityYear, SCALES } from '@jixiao/generator';
import { PostgresEventStore } from '@jixiao/infra';
import { PG_URL } from './pg';

/** Seeds a scale into a new PostgreSQL schema through the bulk path; returns events and time. */
export async function seedPostgres(schema: string, scale: keyof typeof SCALES) {
  const store = await PostgresEventStore.open({ connectionString: PG_URL, schema, catalog });
  try {
    const report = await seedCityYear(store, { contexts: CONTEXTS, scale: SCALES[scale] });
    return { events: report.events, ms: report.ms };
  } finally {
    await store.close();
  }
}
