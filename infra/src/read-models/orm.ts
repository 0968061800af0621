import { MikroORM, type Options } from '@mikro-orm/core';
import { Client } from 'pg';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver, type SqlEntityManager } from '@mikro-orm/postgresql';
import { readModelEntities } from '@jixiao/projections';

export type ReadModelDatabase =
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; connectionString: string; schema: string };

/** Opens the read-model database with every projection's tables, creating missing ones. */
export async function openReadModels(db: ReadModelDatabase): Promise<MikroORM> {
  const common: Partial<Options> = {
    entities: readModelEntities,
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
    debug: false,
  };
  const orm =
    db.kind === 'sqlite'
      ? await MikroORM.init({ ...common, driver: BetterSqliteDriver, dbName: db.file } as Options)
      : await MikroORM.init({
          ...common,
          driver: PostgreSqlDriver,
          clientUrl: db.connectionString,
          schema: db.schema,
          // raw SQL (aggregates) names tables unqualified, as on SQLite
          pool: {
            afterCreate: (
              conn: { query(sql: string, cb: (err: Error | null) => void): void },
              done: (err: Error | null, conn: unknown) => void,
            ) => conn.query(`SET search_path TO "${db.schema}"`, (err) => done(err, conn)),
          },
        } as Options);
  if (db.kind === 'sqlite') {
    await orm.em.getConnection().execute('PRAGMA journal_mode = WAL');
    await orm.em.getConnection().execute('PRAGMA busy_timeout = 5000');
  }
  if (db.kind === 'postgres') await withSchemaLock(db.connectionString, db.schema, () => prepareReadModels(orm));
  else await prepareReadModels(orm);
  return orm;
}

/** Several processes (projection workers) may start at once: one at a time compares and rebuilds. */
async function withSchemaLock<T>(connectionString: string, schema: string, fn: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('jixiao.read-models.' || $1))`, [schema]);
    return await fn();
  } finally {
    await client.end();
  }
}

/**
 * Read models are disposable: when their tables differ from the code's (a new column, say),
 * they are dropped and recreated empty, and the projection runner rebuilds them from
 * position 0 of the event store. The events table is never touched.
 */
export async function prepareReadModels(orm: MikroORM): Promise<'unchanged' | 'rebuilt'> {
  const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
  if (diff.trim() === '') return 'unchanged';
  await rebuildReadModels(orm);
  return 'rebuilt';
}

/**
 * Drops every read-model table and checkpoint and creates them empty; the runner then replays
 * from 0. Table by table on purpose: MikroORM's `dropSchema` drops the whole PostgreSQL schema,
 * events included.
 */
export async function rebuildReadModels(orm: MikroORM): Promise<void> {
  const knex = (orm.em as unknown as SqlEntityManager).getKnex();
  const schema = orm.config.get('schema');
  for (const meta of Object.values(orm.getMetadata().getAll())) {
    if (meta.embeddable || meta.virtual || !meta.tableName) continue;
    await (schema ? knex.schema.withSchema(schema) : knex.schema).dropTableIfExists(meta.tableName);
  }
  await orm.schema.createSchema({ wrap: false });
}
