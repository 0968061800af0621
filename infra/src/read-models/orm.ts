import { readModelEntities } from '@jixiao/contexts';
import { MikroORM, type EntitySchema, type Options } from '@mikro-orm/core';
import { Client } from 'pg';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver, type SqlEntityManager } from '@mikro-orm/postgresql';

export type ReadModelDatabase =
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; connectionString: string; schema: string };

/**
 * Opens the read-model database with every projection's tables (the platform's contexts', or these
 * `entities`), creating missing ones.
 */
export async function openReadModels(
  db: ReadModelDatabase,
  onChange: OnSchemaChange = 'rebuild',
  entities: EntitySchema[] = readModelEntities,
): Promise<MikroORM> {
  const common: Partial<Options> = {
    entities,
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
    debug: false,
    // the event store's tables share the file or schema; they are not the read models' to compare
    schemaGenerator: { skipTables: [/^event(s|_streams|_commands|_outbox)$/] },
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
  if (db.kind === 'postgres')
    await withSchemaLock(db.connectionString, db.schema, () => prepareReadModels(orm, onChange));
  else await prepareReadModels(orm, onChange);
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

/** What to do when existing read-model tables differ from the code's. */
export type OnSchemaChange = 'rebuild' | 'refuse';

/**
 * Read models are disposable. A fresh database gets its tables. When existing tables differ from
 * the code's (a new column, say), embedded mode (`rebuild`) drops and recreates them empty, and
 * its projection runner rebuilds them from position 0 of the event store; the events are never
 * touched. A Kafka projection worker (`refuse`) resumes from committed offsets, so it must not
 * empty tables under its own feet: it refuses to start and names the rebuild command.
 */
export async function prepareReadModels(
  orm: MikroORM,
  onChange: OnSchemaChange = 'rebuild',
): Promise<'unchanged' | 'created' | 'rebuilt'> {
  // dropTables: false — the event store's tables share the file or schema and are not ours to compare
  const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false, dropTables: false });
  if (diff.trim() === '') return 'unchanged';
  const knex = (orm.em as unknown as SqlEntityManager).getKnex();
  const schema = orm.config.get('schema');
  const exists = await (schema ? knex.schema.withSchema(schema) : knex.schema).hasTable('rm_projection_checkpoint');
  if (exists && onChange === 'refuse') {
    throw new Error(
      '读模型表结构与代码不一致，请先重建 (read-model tables differ from the code; rebuild them first with `node infra/dist/rebuild-main.js <projection>`):\n' +
        diff,
    );
  }
  await rebuildReadModels(orm);
  return exists ? 'rebuilt' : 'created';
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
