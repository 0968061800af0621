import type { EntityManager } from '@mikro-orm/core';
import type { EventCatalog, RecordedEvent } from '@jixiao/events';
import type { Keyed, KeyedProjection } from '../keyed';
import { applyKeyedSteps, keysOfSteps, planKeyed, type PlanOptions } from './keyed-fold';
import { loadStreamRecords, saveStreamRecords } from './stream-record.entity';

const isPostgres = (em: EntityManager) => em.getPlatform().constructor.name === 'PostgreSqlPlatform';

/**
 * Takes PostgreSQL advisory locks, held to the end of the transaction, on these ids within
 * `space`, in the order of their lock ids: two batches that share some keys wait for each other
 * and never deadlock. (A missing row cannot be locked `FOR UPDATE`; a key's lock can.)
 */
async function lockInOrder(tx: EntityManager, space: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .getConnection()
    .execute(
      `select pg_advisory_xact_lock(hashtext(?), h) from (select distinct hashtext(value) as h from json_array_elements_text(?::json) order by 1) s`,
      [space, JSON.stringify(ids)],
      'all',
      tx.getTransactionContext(),
    );
}

/**
 * Takes the lock its writes would take anyway on the projection's tables, first: a rebuild's
 * swap (ACCESS EXCLUSIVE) then comes wholly before this batch reads its stream records, or after it.
 */
async function lockTables(tx: EntityManager, projection: KeyedProjection): Promise<void> {
  const schema = tx.config.get('schema') ?? 'public';
  const names = projection.entities.map((e) => `"${schema}"."${tx.getMetadata().get(e.meta.className).tableName}"`);
  if (names.length === 0) return;
  await tx
    .getConnection()
    .execute(`LOCK TABLE ${names.join(', ')} IN ROW EXCLUSIVE MODE`, [], 'run', tx.getTransactionContext());
}

/**
 * One batch of a keyed projection inside the caller's transaction: stream records read, steps
 * planned, documents loaded, evolved and written, records written. On PostgreSQL the batch
 * first locks its streams (a rebalance can hand a partition to a second worker while the first
 * still applies it), then its documents' keys (workers of other partitions feed the same
 * documents); SQLite has a single writer.
 */
export async function applyKeyed(
  tx: EntityManager,
  projection: KeyedProjection,
  catalog: EventCatalog,
  relevant: readonly RecordedEvent[],
  options: PlanOptions,
): Promise<void> {
  if (relevant.length === 0) return;
  const pg = isPostgres(tx);
  const streamIds = [...new Set(relevant.map((e) => e.streamId))];
  if (pg) {
    await lockTables(tx, projection);
    await lockInOrder(tx, `${projection.name}#stream`, streamIds);
  }
  const records = await loadStreamRecords(tx, projection.name, streamIds);
  const touched = new Set<string>();
  const steps = await planKeyed(projection, catalog, relevant, records, touched, options);
  if (steps.length === 0) return;
  const keys = keysOfSteps(steps);
  if (pg) await lockInOrder(tx, `${projection.name}#doc`, keys);
  const stored = keys.length ? await projection.loadMany(tx, keys) : new Map<string, Keyed>();
  const docs = new Map<string, Keyed | null>(keys.map((k) => [k, stored.get(k) ?? null]));
  const changed = new Set<string>();
  applyKeyedSteps(projection, steps, docs, changed);
  const gone = [...changed].filter((k) => docs.get(k) === null && stored.has(k));
  if (gone.length) await projection.deleteMany(tx, gone);
  const toSave = [...changed].flatMap((k) => docs.get(k) ?? []);
  if (toSave.length) await projection.saveMany(tx, toSave);
  await saveStreamRecords(
    tx,
    [...touched].map((id) => records.get(id)!),
  );
}
