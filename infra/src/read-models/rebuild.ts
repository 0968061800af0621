import { randomBytes, randomUUID } from 'node:crypto';
import { MikroORM, type Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { START, type Checkpoint, type EventCatalog, type RecordedEvent } from '@jixiao/events';
import { applyBatch, ProjectionCheckpointSchema, type Projection } from '@jixiao/projections';
import { EVENT_COLUMNS, fromRow, type EventRow } from '../event-store/prepare';
import { schemaIdent } from '../event-store/postgres-schema';
import type { PostgresEventStore } from '../event-store/postgres-event-store';

export interface RebuildOptions {
  store: PostgresEventStore;
  catalog: EventCatalog;
  projection: Projection;
  /** Events per transaction while catching up; 1000 by default. */
  batchSize?: number;
}

const COLUMNS = EVENT_COLUMNS.replace('transaction_id', 'transaction_id::text AS transaction_id');

/**
 * Rebuilds one projection from the event store (not Kafka) into fresh tables in a shadow
 * schema, then swaps them in: queries and workers keep using the old tables meanwhile.
 * The swap takes an exclusive lock on the old tables, applies what was committed since the
 * catch-up (every visible event, so none a worker already applied is missing), then drops
 * the old tables and moves the new ones in, in one transaction. Workers blocked on the lock
 * continue on the new tables; their documents' `lastVersion` makes any overlap harmless.
 * Returns the number of events the rebuild applied.
 */
export async function rebuildProjection({ store, catalog, projection, batchSize = 1000 }: RebuildOptions) {
  const live = schemaIdent(store.schema);
  const shadowName = `${store.schema.slice(0, 40)}_rebuild_${randomBytes(4).toString('hex')}`;
  const shadow = schemaIdent(shadowName);
  const tables = projection.entities.map((e) => e.meta.tableName);
  await store.pool.query(`CREATE SCHEMA ${shadow}`);
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: store.options.connectionString,
    schema: shadowName,
    entities: [ProjectionCheckpointSchema, ...projection.entities],
    allowGlobalContext: false,
    debug: false,
  } as Options);
  const swap = new Client({ connectionString: store.options.connectionString });
  let applied = 0;
  try {
    await orm.schema.updateSchema({ safe: true });
    let cursor: Checkpoint = START;
    // catch up until a batch comes back short: chasing busy writers to the last event
    // would never end, and the locked step below takes the rest anyway
    for (;;) {
      const batch = await store.readCommitted(cursor, batchSize);
      if (batch.length > 0) {
        await applyBatch(orm.em, projection, catalog, batch);
        applied += batch.length;
        cursor = batch[batch.length - 1]!;
      }
      if (batch.length < batchSize) break;
    }
    await swap.connect();
    await swap.query('BEGIN');
    await swap.query(`LOCK TABLE ${tables.map((t) => `${live}."${t}"`).join(', ')} IN ACCESS EXCLUSIVE MODE`);
    // every committed event past the cursor, without the in-flight rule: a worker may have
    // applied one that commit order would still hold back
    const rest = await swap.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${live}.events WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
       ORDER BY transaction_id, global_position`,
      [String(cursor.transactionId), cursor.globalPosition],
    );
    const events: RecordedEvent[] = rest.rows.map(fromRow);
    for (let i = 0; i < events.length; i += batchSize) {
      await applyBatch(orm.em, projection, catalog, events.slice(i, i + batchSize));
    }
    applied += events.length;
    for (const t of tables) {
      await swap.query(`DROP TABLE ${live}."${t}"`);
      await swap.query(`ALTER TABLE ${shadow}."${t}" SET SCHEMA ${live}`);
    }
    // new tables, new stamps: the read cache's answers built on the old ones become unreachable
    await swap.query(`UPDATE ${live}.rm_projection_checkpoint SET stamp = $2 WHERE name = $1 OR name LIKE $1 || '@%'`, [
      projection.name,
      randomUUID(),
    ]);
    await swap.query('COMMIT');
  } catch (error) {
    await swap.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await swap.end().catch(() => undefined);
    await orm.close();
    await store.pool.query(`DROP SCHEMA IF EXISTS ${shadow} CASCADE`);
  }
  return { applied };
}
