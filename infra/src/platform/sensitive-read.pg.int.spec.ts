import { recordRead } from '@jixiao/audit';
import { catalog } from '@jixiao/events';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { dropSchema, freshSchemaName, TEST_PG_URL } from '../testing/postgres';

describe('recording sensitive reads on PostgreSQL', () => {
  const schema = freshSchemaName('reads');
  let store: PostgresEventStore;
  beforeAll(async () => {
    store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(schema);
  });

  it('keeps every one of a user’s parallel reads, even when they race to create the access stream', async () => {
    const ctx = { actor: { userId: 'zhao.audit', role: 'AUDITOR', unitId: null }, correlationId: 'c1' };
    await Promise.all(Array.from({ length: 8 }, (_, i) => recordRead(store, ctx, 'Goal.history', `goal-${i}`, i)));
    const reads = await store.readStream('access-zhao.audit');
    expect(reads.map((e) => (e.data as { streamId: string }).streamId).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `goal-${i}`).sort(),
    );
    expect(reads.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
