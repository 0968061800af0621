import { EntitySchema, type EntityManager } from '@mikro-orm/core';
import { chunks, insertRows } from '../projection';

/**
 * A keyed projection's record of one source stream: the last version it applied and its memo
 * (see `KeyedProjection.remember`). Written in the same transaction as the documents, so a crash
 * leaves both before or both after a batch; what distributed read-your-writes waits on, since
 * a document may be deleted or shared by many streams.
 */
export interface ProjectionStreamRecord {
  projection: string;
  streamId: string;
  lastVersion: number;
  memo: unknown;
}

export const ProjectionStreamSchema = new EntitySchema<ProjectionStreamRecord>({
  name: 'ProjectionStreamRecord',
  tableName: 'rm_projection_stream',
  properties: {
    projection: { type: 'string', primary: true },
    streamId: { type: 'string', primary: true },
    lastVersion: { type: 'integer' },
    memo: { type: 'json', nullable: true },
  },
});

const isPostgres = (em: EntityManager) => em.getPlatform().constructor.name === 'PostgreSqlPlatform';

/** The table, schema-qualified on PostgreSQL (a rebuild's shadow schema is not on the search path). */
function tableOf(em: EntityManager): string {
  const schema = em.config.get('schema');
  return isPostgres(em) && schema ? `"${schema}".rm_projection_stream` : 'rm_projection_stream';
}

/**
 * The records of `projection` for these streams, by stream id; streams it has not seen are absent.
 * Plain SQL, not the ORM's hydration: every batch of a keyed projection reads one per stream.
 */
export async function loadStreamRecords(
  em: EntityManager,
  projection: string,
  streamIds: readonly string[],
): Promise<Map<string, ProjectionStreamRecord>> {
  const found = new Map<string, ProjectionStreamRecord>();
  for (const ids of chunks(streamIds)) {
    const rows = await em
      .getConnection()
      .execute<{ stream_id: string; last_version: number | string; memo: unknown }[]>(
        `select stream_id, last_version, memo from ${tableOf(em)} where projection = ? and stream_id in (${ids.map(() => '?').join(', ')})`,
        [projection, ...ids],
        'all',
        em.getTransactionContext(),
      );
    for (const row of rows) {
      // jsonb comes back parsed from PostgreSQL, as text from SQLite
      const memo = typeof row.memo === 'string' ? (JSON.parse(row.memo) as unknown) : (row.memo ?? null);
      found.set(row.stream_id, { projection, streamId: row.stream_id, lastVersion: Number(row.last_version), memo });
    }
  }
  return found;
}

/**
 * Writes these records (inserted or replaced): on PostgreSQL deleted by key and copied in, as
 * `rowStorage` writes documents; on SQLite one upsert per part, in plain SQL.
 */
export async function saveStreamRecords(em: EntityManager, records: readonly ProjectionStreamRecord[]): Promise<void> {
  if (records.length === 0) return;
  if (!isPostgres(em)) {
    for (const part of chunks(records)) {
      await em.getConnection().execute(
        `insert into ${tableOf(em)} (projection, stream_id, last_version, memo) values ${part.map(() => '(?, ?, ?, ?)').join(', ')}
         on conflict (projection, stream_id) do update set last_version = excluded.last_version, memo = excluded.memo`,
        part.flatMap((r) => [r.projection, r.streamId, r.lastVersion, r.memo === null ? null : JSON.stringify(r.memo)]),
        'run',
        em.getTransactionContext(),
      );
    }
    return;
  }
  const byProjection = new Map<string, string[]>();
  for (const r of records) {
    const ids = byProjection.get(r.projection);
    if (ids) ids.push(r.streamId);
    else byProjection.set(r.projection, [r.streamId]);
  }
  for (const [projection, ids] of byProjection) {
    for (const part of chunks(ids))
      await em.nativeDelete(ProjectionStreamSchema, { projection, streamId: { $in: part } });
  }
  await insertRows(em, ProjectionStreamSchema, records);
}
