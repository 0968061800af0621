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

/** The records of `projection` for these streams, by stream id; streams it has not seen are absent. */
export async function loadStreamRecords(
  em: EntityManager,
  projection: string,
  streamIds: readonly string[],
): Promise<Map<string, ProjectionStreamRecord>> {
  const found = new Map<string, ProjectionStreamRecord>();
  for (const ids of chunks(streamIds)) {
    const rows = await em.find(
      ProjectionStreamSchema,
      { projection, streamId: { $in: ids } },
      { disableIdentityMap: true },
    );
    for (const row of rows) found.set(row.streamId, { ...row, memo: row.memo ?? null });
  }
  return found;
}

/** Writes these records (inserted or replaced), as `rowStorage` writes documents. */
export async function saveStreamRecords(em: EntityManager, records: readonly ProjectionStreamRecord[]): Promise<void> {
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
