import { catalog, ConcurrencyError, describeEventStoreConformance, START, type RecordedEvent } from '@jixiao/events';
import { sampleEvent } from '@jixiao/events';
import { PostgresEventStore } from './postgres-event-store';
import { dropSchema, freshSchemaName, TEST_PG_URL, withPgClient } from '../testing/postgres';

const actor = { actorId: 'conformance', role: 'ADMIN', unitId: null };

describeEventStoreConformance('PostgreSQL', async () => {
  const schema = freshSchemaName('es');
  const open = () => PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
  const store = await open();
  const others: PostgresEventStore[] = [];
  const t = `"${schema}".events`;
  /** What a database owner could do: switch the append-only trigger off, change rows, switch it on. */
  const asDba = (sql: string, params: unknown[]) =>
    withPgClient(async (c) => {
      await c.query('BEGIN');
      await c.query(`ALTER TABLE ${t} DISABLE TRIGGER events_append_only`);
      await c.query(sql, params);
      await c.query(`ALTER TABLE ${t} ENABLE TRIGGER events_append_only`);
      await c.query('COMMIT');
    });
  return {
    store,
    eventsTable: t,
    rawExec: async (sql) => void (await store.pool.query(sql)),
    countEvents: async () => Number((await store.pool.query(`SELECT COUNT(*) AS n FROM ${t}`)).rows[0].n),
    tamper: {
      replaceData: (streamId, version, data) =>
        asDba(`UPDATE ${t} SET data = $1 WHERE stream_id = $2 AND stream_version = $3`, [
          JSON.stringify(data),
          streamId,
          version,
        ]),
      setVersion: (streamId, from, to) =>
        asDba(`UPDATE ${t} SET stream_version = $1 WHERE stream_id = $2 AND stream_version = $3`, [to, streamId, from]),
      deleteEvent: (streamId, version) =>
        asDba(`DELETE FROM ${t} WHERE stream_id = $1 AND stream_version = $2`, [streamId, version]),
    },
    failInsertOf: async (streamId, version) => {
      await store.pool.query(`
        CREATE FUNCTION "${schema}".fail_one() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.stream_id = '${streamId}' AND NEW.stream_version = ${version} THEN RAISE EXCEPTION 'injected failure'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER fail_one BEFORE INSERT ON ${t} FOR EACH ROW EXECUTE FUNCTION "${schema}".fail_one();`);
    },
    openAnotherStore: async () => {
      const other = await open();
      others.push(other);
      return other;
    },
    close: async () => {
      for (const o of others) await o.close();
      await store.close();
      await dropSchema(schema);
    },
  };
});

describe('PostgreSQL subscription and a late commit', () => {
  let schema: string;
  let store: PostgresEventStore;
  beforeEach(async () => {
    schema = freshSchemaName('late');
    store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
  });
  afterEach(async () => {
    await store.close();
    await dropSchema(schema);
  });

  /** Opens a transaction that inserts one event (taking its position now) and leaves it uncommitted. */
  async function beginLateWrite(streamId: string) {
    const slow = await store.pool.connect();
    await slow.query('BEGIN');
    await slow.query(
      `INSERT INTO "${schema}".events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, previous_hash, hash)
       VALUES (gen_random_uuid(), $1, 1, 'BudgetUnitRegistered', 1, '{}', '{}', now(), 'x', 'y')`,
      [streamId],
    );
    return slow;
  }

  it('delivers a transaction that took its position early but committed late, before the later ones', async () => {
    // the slow writer takes a position and a transaction id first, then holds its commit open
    const slow = await beginLateWrite('late-1');
    const subscription = store.subscribe({ from: START, batchSize: 100 });
    const seen: RecordedEvent[] = [];
    const reading = (async () => {
      for await (const batch of subscription) {
        seen.push(...batch);
        if (seen.length >= 6) break;
      }
    })();
    for (let i = 0; i < 5; i++) {
      await store.appendToStream(`fast-${i}`, [sampleEvent(i)], { expectedVersion: 0, metadata: actor });
    }
    await new Promise((r) => setTimeout(r, 600));
    // nothing committed after the slow writer's transaction started is delivered while it is in flight
    expect(seen).toHaveLength(0);
    await slow.query('COMMIT');
    slow.release();
    await reading;
    await subscription.close();
    expect(seen.map((e) => e.streamId)).toEqual(['late-1', 'fast-0', 'fast-1', 'fast-2', 'fast-3', 'fast-4']);
    const positions = seen.map((e) => e.globalPosition);
    expect(positions[0]).toBeLessThan(positions[1]!);
  });

  it('without the xmin rule a reader paging by position would skip the late event (the hazard the rule prevents)', async () => {
    const t = `"${schema}".events`;
    const slow = await beginLateWrite('late-2');
    await store.appendToStream('fast-x', [sampleEvent(1)], { expectedVersion: 0, metadata: actor });
    const naive = await store.pool.query(`SELECT stream_id FROM ${t} ORDER BY global_position`);
    expect(naive.rows.map((r) => r.stream_id)).toEqual(['fast-x']);
    await slow.query('COMMIT');
    slow.release();
    // the horizon is cluster-wide: another session's open transaction (a parallel test run) can hold
    // it back for a moment, so read until both events are visible, or give up after 10 s
    let committed = await store.readCommitted(START, 10);
    for (let i = 0; i < 100 && committed.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      committed = await store.readCommitted(START, 10);
    }
    expect(committed.map((e) => e.streamId)).toEqual(['late-2', 'fast-x']);
  });
});

describe('PostgreSQL appends in one statement', () => {
  let schema: string;
  let a: PostgresEventStore;
  let b: PostgresEventStore;
  beforeEach(async () => {
    schema = freshSchemaName('one');
    a = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
    b = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    await dropSchema(schema);
  });

  it('refuses an append at a head read before another process moved it, and chains "any" onto the new head', async () => {
    await a.appendToStream('s', [sampleEvent(1)], { expectedVersion: 0, metadata: actor });
    expect(await a.readStream('s')).toHaveLength(1); // a now knows the head at version 1
    await b.appendToStream('s', [sampleEvent(2)], { expectedVersion: 1, metadata: actor });
    await expect(a.appendToStream('s', [sampleEvent(3)], { expectedVersion: 1, metadata: actor })).rejects.toThrow(
      ConcurrencyError,
    );
    const any = await a.appendToStream('s', [sampleEvent(4), sampleEvent(5)], {
      expectedVersion: 'any',
      metadata: actor,
    });
    expect(any.events.map((e) => e.streamVersion)).toEqual([3, 4]);
    expect(await a.verifyStream('s')).toMatchObject({ ok: true, eventCount: 4 });
  });

  it('answers a repeated command id with its first result even when the expected version is now stale', async () => {
    const first = await a.appendToStream('c', [sampleEvent(1)], {
      expectedVersion: 0,
      commandId: 'cmd-1',
      metadata: actor,
    });
    const again = await b.appendToStream('c', [sampleEvent(1)], {
      expectedVersion: 0,
      commandId: 'cmd-1',
      metadata: actor,
    });
    expect(again).toMatchObject({ duplicate: true, nextExpectedVersion: 1 });
    expect(again.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
    // the same command id on another stream is a duplicate too, and writes nothing there
    const elsewhere = await b.appendToStream('d', [sampleEvent(2)], {
      expectedVersion: 0,
      commandId: 'cmd-1',
      metadata: actor,
    });
    expect(elsewhere.duplicate).toBe(true);
    expect(await a.readStream('d')).toEqual([]);
    // retried with the version it expected the first time, by a store that never read the stream
    await a.appendToStream('c', [sampleEvent(2)], { expectedVersion: 1, metadata: actor });
    await a.appendToStream('e', [sampleEvent(3)], { expectedVersion: 0, commandId: 'cmd-2', metadata: actor });
    await a.appendToStream('e', [sampleEvent(4)], { expectedVersion: 1, metadata: actor });
    const fresh = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
    try {
      const retried = await fresh.appendToStream('e', [sampleEvent(3)], {
        expectedVersion: 0,
        commandId: 'cmd-2',
        metadata: actor,
      });
      expect(retried).toMatchObject({ duplicate: true, nextExpectedVersion: 1 });
      const stale = await fresh.appendToStream('c', [sampleEvent(1)], {
        expectedVersion: 1,
        commandId: 'cmd-1',
        metadata: actor,
      });
      expect(stale).toMatchObject({ duplicate: true, nextExpectedVersion: 1 });
    } finally {
      await fresh.close();
    }
    expect((await a.readStream('c')).map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('notifies listeners of other processes (the outbox relay) after the commit, with the last position', async () => {
    await withPgClient(async (listener) => {
      await listener.query(`LISTEN "jixiao_events_${schema}"`);
      const heard = new Promise<string | undefined>((resolve) =>
        listener.once('notification', (n) => resolve(n.payload)),
      );
      const appended = await a.appendToStream('n', [sampleEvent(1), sampleEvent(2)], {
        expectedVersion: 0,
        metadata: actor,
      });
      expect(await heard).toBe(String(appended.events[1]!.globalPosition));
    });
  });
});
