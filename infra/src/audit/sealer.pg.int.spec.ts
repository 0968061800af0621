import { catalog } from '@jixiao/contexts';
import { Client } from 'pg';
import { PostgresEventStore } from '../event-store';
import { dropSchema, freshSchemaName, TEST_PG_URL } from '../testing/postgres';
import { expectSealedHistoryToProveItself } from './sealer.behaviour';

describe('sealing the log into signed Merkle tree heads (PostgreSQL)', () => {
  const schema = freshSchemaName('seal');
  afterAll(() => dropSchema(schema));

  it('proves inclusion and consistency, and exposes a tail rewritten with recomputed hashes', async () => {
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
    try {
      await expectSealedHistoryToProveItself(store, async (event, data, hash) => {
        const c = new Client({ connectionString: TEST_PG_URL });
        await c.connect();
        try {
          await c.query(`ALTER TABLE "${schema}".events DISABLE TRIGGER events_append_only`);
          await c.query(`ALTER TABLE "${schema}".event_streams DISABLE TRIGGER event_streams_forward_only`);
          await c.query(`UPDATE "${schema}".events SET data = $1, hash = $2 WHERE event_id = $3`, [
            JSON.stringify(data),
            hash,
            event.eventId,
          ]);
          await c.query(`UPDATE "${schema}".event_streams SET last_hash = $1 WHERE stream_id = $2`, [
            hash,
            event.streamId,
          ]);
        } finally {
          await c.end();
        }
      });
    } finally {
      await store.close();
    }
  });
});
