import { catalog } from '@jixiao/contexts';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { dropSchema, freshSchemaName, TEST_PG_URL } from '../testing/postgres';
import { goalSubmitted, indicatorRevised } from '../testing/goal-events';

const metadata = { actorId: 't', role: 'BUDGET_UNIT' };

describe('transactional outbox on PostgreSQL', () => {
  let schema: string;
  let store: PostgresEventStore;
  const outbox = async () =>
    (
      await store.pool.query<{ stream_id: string; stream_version: number }>(
        `SELECT e.stream_id, e.stream_version FROM "${schema}".event_outbox o
         JOIN "${schema}".events e USING (global_position) ORDER BY o.outbox_id`,
      )
    ).rows;
  const count = async (table: string) =>
    Number((await store.pool.query(`SELECT COUNT(*) AS n FROM "${schema}".${table}`)).rows[0].n);

  beforeEach(async () => {
    schema = freshSchemaName('ob');
    store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog, outbox: true });
  });
  afterEach(async () => {
    await store.close();
    await dropSchema(schema);
  });

  it('writes one outbox row per event, in stream order', async () => {
    await store.appendToStream('goal-a', [goalSubmitted('a'), indicatorRevised('a', 2), indicatorRevised('a', 3)], {
      expectedVersion: 0,
      metadata,
    });
    await store.appendToStream('goal-b', [goalSubmitted('b')], { expectedVersion: 0, metadata });
    expect(await outbox()).toEqual([
      { stream_id: 'goal-a', stream_version: 1 },
      { stream_id: 'goal-a', stream_version: 2 },
      { stream_id: 'goal-a', stream_version: 3 },
      { stream_id: 'goal-b', stream_version: 1 },
    ]);
  });

  it('writes outbox rows for the bulk path too, in position order', async () => {
    await store.appendBatch([
      { streamId: 'goal-c', events: [goalSubmitted('c'), indicatorRevised('c', 2)], expectedVersion: 0, metadata },
      { streamId: 'goal-d', events: [goalSubmitted('d')], expectedVersion: 0, metadata },
    ]);
    expect(await outbox()).toEqual([
      { stream_id: 'goal-c', stream_version: 1 },
      { stream_id: 'goal-c', stream_version: 2 },
      { stream_id: 'goal-d', stream_version: 1 },
    ]);
  });

  it('writes nothing at all when the outbox insert fails', async () => {
    await store.pool.query(`
      CREATE FUNCTION "${schema}".fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected outbox failure'; END $$;
      CREATE TRIGGER fail_outbox BEFORE INSERT ON "${schema}".event_outbox
        FOR EACH ROW EXECUTE FUNCTION "${schema}".fail_outbox();`);
    await expect(
      store.appendToStream('goal-a', [goalSubmitted('a')], { expectedVersion: 0, commandId: 'c1', metadata }),
    ).rejects.toThrow('injected outbox failure');
    expect([await count('events'), await count('event_streams'), await count('event_commands')]).toEqual([0, 0, 0]);
    expect(await store.findCommand('c1')).toBeNull();
  });

  it('writes no outbox row when an event insert fails', async () => {
    await store.pool.query(`
      CREATE FUNCTION "${schema}".fail_two() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.stream_version = 2 THEN RAISE EXCEPTION 'injected event failure'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER fail_two BEFORE INSERT ON "${schema}".events FOR EACH ROW EXECUTE FUNCTION "${schema}".fail_two();`);
    await expect(
      store.appendToStream('goal-a', [goalSubmitted('a'), indicatorRevised('a', 2)], { expectedVersion: 0, metadata }),
    ).rejects.toThrow('injected event failure');
    expect([await count('events'), await count('event_outbox')]).toEqual([0, 0]);
  });

  it('writes no outbox row when the option is off', async () => {
    const plain = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
    await plain.appendToStream('goal-c', [goalSubmitted('c')], { expectedVersion: 0, metadata });
    await plain.close();
    expect([await count('events'), await count('event_outbox')]).toEqual([1, 0]);
  });
});
