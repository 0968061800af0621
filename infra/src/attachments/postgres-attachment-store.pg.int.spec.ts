import { Pool } from 'pg';
import { dropSchema, freshSchemaName, TEST_PG_URL } from '../testing/postgres';
import { sampleFiles } from '../testing/sample-files';
import { attachmentStoreBehaves } from './attachment-store.behaviour';
import { openAttachments } from './open-attachments';
import { PostgresAttachmentStore } from './postgres-attachment-store';

describe('the PostgreSQL attachment store (distributed mode)', () => {
  const schema = freshSchemaName('att');
  let pool: Pool;
  beforeAll(() => {
    pool = new Pool({ connectionString: TEST_PG_URL, max: 4 });
  });
  afterAll(async () => {
    await pool.end();
    await dropSchema(schema);
  });

  attachmentStoreBehaves(() => new PostgresAttachmentStore(pool, schema));

  it('keeps bytes and description in one row of <schema>.attachments', async () => {
    const bytes = sampleFiles.xlsx();
    const meta = await new PostgresAttachmentStore(pool, schema).put(
      { name: '台账.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes },
      { actorId: 'officer.a', unitId: 'unit-a' },
    );
    const { rows } = await pool.query<{ bytes: Buffer; sha256: string; size_bytes: string }>(
      `SELECT bytes, sha256, size_bytes FROM "${schema}".attachments WHERE attachment_id = $1`,
      [meta.attachmentId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.bytes.equals(bytes)).toBe(true);
    expect(rows[0]!.sha256).toBe(meta.sha256);
    expect(Number(rows[0]!.size_bytes)).toBe(bytes.length);
  });

  it('creates its table once when several processes start at once, in a schema that did not exist', async () => {
    const fresh = freshSchemaName('att');
    try {
      const stores = [1, 2, 3].map(() =>
        openAttachments({ kind: 'postgres', connectionString: TEST_PG_URL, schema: fresh }),
      );
      const stored = await Promise.all(
        stores.map(({ attachments }, i) =>
          attachments.store.put(
            { name: `${i}.png`, contentType: 'image/png', bytes: sampleFiles.png() },
            { actorId: 'a', unitId: null },
          ),
        ),
      );
      expect(await stores[0]!.attachments.store.describe(stored.map((m) => m.attachmentId))).toEqual(stored);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await dropSchema(fresh);
    }
  });
});
