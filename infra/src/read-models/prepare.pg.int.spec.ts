import { catalog } from '@jixiao/contexts';
import { PostgresEventStore } from '../event-store';
import { dropSchema, freshSchemaName, TEST_PG_URL } from '../testing/postgres';
import { expectRebuildOnlyOnRealDifference } from './prepare.behaviour';

describe('preparing the read models (PostgreSQL, events in the same schema)', () => {
  const schema = freshSchemaName('prepare');
  afterAll(() => dropSchema(schema));

  it('creates them once, leaves them alone on the next start, and rebuilds only on a real difference', async () => {
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
    try {
      await expectRebuildOnlyOnRealDifference(
        store,
        { kind: 'postgres', connectionString: TEST_PG_URL, schema },
        `ALTER TABLE "${schema}".rm_unit DROP COLUMN division_code`,
      );
    } finally {
      await store.close();
    }
  });
});
