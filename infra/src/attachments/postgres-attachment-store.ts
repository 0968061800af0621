import type { Pool } from 'pg';
import { onceUntilFailed, type AttachmentStore, type StoredAttachment } from '@jixiao/service-kit';
import { schemaIdent } from '../event-store/postgres-schema';
import { describeNew, isAttachmentId } from './stored-attachment';

/** The table's DDL inside one schema; idempotent. */
export function attachmentTableDdl(schema: string): string {
  const s = schemaIdent(schema);
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.attachments (
  attachment_id uuid PRIMARY KEY,
  name text NOT NULL,
  size_bytes bigint NOT NULL,
  content_type text NOT NULL,
  sha256 char(64) NOT NULL,
  uploaded_by text NOT NULL,
  unit_id text,
  uploaded_at timestamptz NOT NULL,
  bytes bytea NOT NULL
);`;
}

interface Row {
  attachment_id: string;
  name: string;
  size_bytes: string;
  content_type: string;
  sha256: string;
  uploaded_by: string;
  unit_id: string | null;
  uploaded_at: Date;
}

const META = 'attachment_id, name, size_bytes, content_type, sha256, uploaded_by, unit_id, uploaded_at';

const metaOf = (row: Row): StoredAttachment => ({
  attachmentId: row.attachment_id,
  name: row.name,
  sizeBytes: Number(row.size_bytes),
  contentType: row.content_type,
  sha256: row.sha256,
  uploadedBy: row.uploaded_by,
  unitId: row.unit_id,
  uploadedAt: row.uploaded_at,
});

/**
 * Distributed mode's attachment store: the table `attachments` in the platform's PostgreSQL schema,
 * bytes (bytea) and description in one row, created on first use under the schema's DDL lock.
 * Uses a pool it is given (the event store's, say) and does not close it.
 */
export class PostgresAttachmentStore implements AttachmentStore {
  private readonly table: string;
  private readonly ready: () => Promise<void>;

  constructor(
    private readonly pool: Pool,
    readonly schema: string,
  ) {
    this.table = `${schemaIdent(schema)}.attachments`;
    this.ready = onceUntilFailed(async () => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // several processes start at once: one creates, the others wait and find it
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`jixiao-ddl-${schema}`]);
        await client.query(attachmentTableDdl(schema));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  }

  async put(
    file: { name: string; contentType: string; bytes: Buffer },
    by: { actorId: string; unitId: string | null },
  ): Promise<StoredAttachment> {
    await this.ready();
    const meta = describeNew(file, by);
    await this.pool.query(`INSERT INTO ${this.table} (${META}, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
      meta.attachmentId,
      meta.name,
      meta.sizeBytes,
      meta.contentType,
      meta.sha256,
      meta.uploadedBy,
      meta.unitId,
      meta.uploadedAt,
      file.bytes,
    ]);
    return meta;
  }

  async describe(attachmentIds: readonly string[]): Promise<StoredAttachment[]> {
    const ids = attachmentIds.filter(isAttachmentId);
    if (ids.length === 0) return [];
    await this.ready();
    const { rows } = await this.pool.query<Row>(
      `SELECT ${META} FROM ${this.table} WHERE attachment_id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.attachment_id, metaOf(row)]));
    return attachmentIds.flatMap((id) => {
      const meta = byId.get(id);
      return meta ? [meta] : [];
    });
  }

  async open(attachmentId: string): Promise<{ meta: StoredAttachment; bytes: Buffer } | null> {
    if (!isAttachmentId(attachmentId)) return null;
    await this.ready();
    const { rows } = await this.pool.query<Row & { bytes: Buffer }>(
      `SELECT ${META}, bytes FROM ${this.table} WHERE attachment_id = $1`,
      [attachmentId],
    );
    const row = rows[0];
    return row ? { meta: metaOf(row), bytes: row.bytes } : null;
  }
}
