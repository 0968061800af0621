import { allProjections, catalog, readModelEntities, CONTEXTS } from '@jixiao/contexts';
import { generateCityYear, SCALES } from '@jixiao/generator';
import { openReadModels, PostgresEventStore, rebuildProjections, testing } from '@jixiao/infra';
import { chunks, insertRows } from '@jixiao/projections';

const { TEST_PG_URL, freshSchemaName, dropSchema, dumpReadModels, freshReplay, rowCounts, withPgClient } = testing;

/** The index definitions of a schema's read-model tables, with the schema name taken out. */
const indexesOf = (schema: string) =>
  withPgClient(async (c) => {
    const r = await c.query<{ def: string }>(
      `SELECT indexdef AS def FROM pg_indexes WHERE schemaname = $1 AND tablename LIKE 'rm\\_%' ORDER BY indexname`,
      [schema],
    );
    return r.rows.map(({ def }) => def.replaceAll(`"${schema}".`, '').replaceAll(`${schema}.`, ''));
  });

/** COPY's text format escapes backslash, tab, newline and carriage return; `\\N` is its NULL. */
function withAwkwardText<T extends object>(row: T): T {
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === 'string' && !/id$/i.test(key) && value.length < 200) {
      (row as Record<string, unknown>)[key] = `${value}\\\t"引号"\n\r\\N`;
    }
  }
  return row;
}

describe('rebuilding every projection from the PostgreSQL event store', () => {
  const schema = freshSchemaName('rebuildall');
  let store: PostgresEventStore;

  beforeAll(async () => {
    store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
    const scale = { ...SCALES.small, name: 'rebuild-test', bureaus: 4, units: 12, goals: 200 };
    for (const chunk of generateCityYear({ contexts: CONTEXTS, scale, seed: 7 })) await store.appendBatch(chunk);
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(schema);
  });

  it('gives what a fresh replay gives, indexes included, even writing documents out and reading them back', async () => {
    const orm = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
    await orm.close();
    const indexes = await indexesOf(schema);
    expect(indexes.some((d) => d.startsWith('CREATE INDEX'))).toBe(true);
    await withPgClient(async (c) => {
      // a read model deployed after the events: no live table yet
      await c.query(`DROP TABLE "${schema}".rm_rule_profile`);
      await c.query(
        `INSERT INTO "${schema}".rm_projection_checkpoint (name, transaction_id, global_position, stamp, updated_at)
         VALUES ('planning.goals', 0, 0, 'before', now())`,
      );
    });

    // 100 documents in memory: most streams are written out mid-way and loaded again
    const { applied } = await rebuildProjections({
      store,
      catalog,
      projections: allProjections,
      batchSize: 700,
      documentsInMemory: 100,
    });

    const events = (await store.readAll()).length;
    expect(applied).toBeGreaterThan(events / 2);
    const rebuilt = await dumpReadModels(schema);
    // every read model has rows (a failure names the empty ones)
    const empty = Object.entries(rowCounts(rebuilt)).filter(([, n]) => n === 0);
    expect(empty.map(([table]) => table)).toEqual([]);
    // the cross-stream read model and the keyed projections' stream records are compared too
    expect(rowCounts(rebuilt)).toMatchObject({
      rm_goal_count: expect.any(Number),
      rm_projection_stream: expect.any(Number),
    });
    expect(rebuilt).toEqual(await freshReplay(store, `${schema}_r`));
    expect(await indexesOf(schema)).toEqual(indexes);
    await withPgClient(async (c) => {
      const stamp = await c.query(
        `SELECT stamp FROM "${schema}".rm_projection_checkpoint WHERE name = 'planning.goals'`,
      );
      expect(stamp.rows[0].stamp).not.toBe('before');
      const shadows = await c.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [`${schema}_rebuild_%`]);
      expect(shadows.rows).toEqual([]);
    });
  });

  it('streams rows in with COPY exactly as MikroORM insertMany writes them, awkward text included', async () => {
    const source = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
    const viaOrm = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema: `${schema}_o` });
    const viaJson = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema: `${schema}_j` });
    try {
      const entities = readModelEntities.filter((e) => e.meta.tableName !== 'rm_projection_checkpoint');
      for (const [n, entity] of entities.entries()) {
        // plain copies: an entity MikroORM loaded remembers its schema, and insertMany would write it back there
        const found = await source.em.fork().find(entity, {}, { disableIdentityMap: true });
        const rows = found.map((row) => withAwkwardText({ ...row }));
        expect({ table: entity.meta.tableName, empty: rows.length === 0 }).toEqual({
          table: entity.meta.tableName,
          empty: false,
        });
        for (const part of chunks(rows)) await viaOrm.em.fork().insertMany(entity, part);
        // in a transaction (the runner's case) and on a connection of its own
        if (n % 2 === 0) await viaJson.em.fork().transactional((tx) => insertRows(tx, entity, rows));
        else await insertRows(viaJson.em.fork(), entity, rows);
      }
      const viaInsertMany = await dumpReadModels(`${schema}_o`);
      expect(JSON.stringify(viaInsertMany)).toContain('引号');
      expect(await dumpReadModels(`${schema}_j`)).toEqual(viaInsertMany);
    } finally {
      await Promise.all([source.close(), viaOrm.close(), viaJson.close()]);
      await dropSchema(`${schema}_o`);
      await dropSchema(`${schema}_j`);
    }
  });
});
