import { catalog } from '@jixiao/contexts';
import {
  canonicalJson,
  CommandIdReusedError,
  ConcurrencyError,
  describeEventStoreConformance,
  START,
  type RecordedEvent,
} from '@jixiao/events';
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
    reopenFromBeforeCommandTypes: async () => {
      await store.pool.query(`ALTER TABLE "${schema}".event_commands DROP COLUMN command_type`);
      await store.pool.query(`COMMENT ON SCHEMA "${schema}" IS 'jixiao-ddl:made-before-command-types'`);
      const reopened = await open();
      others.push(reopened);
      return reopened;
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
    // the same command id on another stream is another command: refused, and nothing written there
    const elsewhere = b.appendToStream('d', [sampleEvent(2)], {
      expectedVersion: 0,
      commandId: 'cmd-1',
      metadata: actor,
    });
    await expect(elsewhere).rejects.toThrow(CommandIdReusedError);
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

describe('PostgreSQL bulk path (COPY) and the stored bodies', () => {
  let schema: string;
  let store: PostgresEventStore;
  beforeEach(async () => {
    schema = freshSchemaName('copy');
    store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
  });
  afterEach(async () => {
    await store.close();
    await dropSchema(schema);
  });

  /** Text COPY treats backslash, tab, newline and carriage return specially: they must arrive as written. */
  const awkward = (i: number) => {
    const e = sampleEvent(i);
    return { ...e, data: { ...(e.data as object), name: `单位\\${i}\t"甲"\n乙\r丙 \\N` } };
  };

  it('stores batch events as written, with the positions and transaction it reports, and a sound chain', async () => {
    await store.appendToStream('s-1', [sampleEvent(0)], { expectedVersion: 0, metadata: actor });
    const results = await store.appendBatch([
      { streamId: 's-1', events: [awkward(1), awkward(2)], expectedVersion: 1, metadata: { ...actor, commandId: 'x' } },
      { streamId: 's-2', events: [awkward(3)], expectedVersion: 0, metadata: actor },
      { streamId: 's-1', events: [awkward(4)], expectedVersion: 3, metadata: actor },
    ]);
    const reported = results.flatMap((r) => r.events);
    const stored = await store.readAll();
    expect(stored.slice(1)).toEqual(reported);
    expect(reported.map((e) => e.data)).toEqual([awkward(1), awkward(2), awkward(3), awkward(4)].map((e) => e.data));
    // one transaction, positions increasing in batch order
    expect(new Set(reported.map((e) => e.transactionId)).size).toBe(1);
    expect(reported.map((e) => e.globalPosition)).toEqual(
      [...reported.map((e) => e.globalPosition)].sort((x, y) => x - y),
    );
    expect(results.map((r) => r.nextExpectedVersion)).toEqual([3, 1, 4]);
    expect(await store.verifyStream('s-1')).toMatchObject({ ok: true, eventCount: 4 });
    expect(await store.verifyStream('s-2')).toMatchObject({ ok: true, eventCount: 1 });
    // the stored body is the canonical text that was hashed: sorted keys, no whitespace
    const { rows } = await store.pool.query(
      `SELECT data::text AS data FROM "${schema}".events WHERE stream_id = 's-2'`,
    );
    expect(rows[0].data).toBe(canonicalJson(awkward(3).data));
  });

  it('writes nothing of a batch whose expected version is wrong anywhere in it', async () => {
    await expect(
      store.appendBatch([
        { streamId: 'a', events: [sampleEvent(1)], expectedVersion: 0, metadata: actor },
        { streamId: 'b', events: [sampleEvent(2)], expectedVersion: 5, metadata: actor },
      ]),
    ).rejects.toThrow(ConcurrencyError);
    expect(await store.readAll()).toEqual([]);
  });

  it('converts a store made with jsonb bodies when it is opened, keeping every event verifiable', async () => {
    await store.appendToStream('old', [awkward(1), awkward(2)], { expectedVersion: 0, metadata: actor });
    const t = `"${schema}".events`;
    await withPgClient(async (c) => {
      await c.query(`ALTER TABLE ${t} ALTER COLUMN data TYPE jsonb, ALTER COLUMN metadata TYPE jsonb`);
      await c.query(`COMMENT ON SCHEMA "${schema}" IS 'made by an older version'`);
    });
    const reopened = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
    try {
      const { rows } = await reopened.pool.query(
        `SELECT column_name, data_type FROM information_schema.columns
         WHERE table_schema = $1 AND table_name = 'events' AND column_name IN ('data', 'metadata') ORDER BY 1`,
        [schema],
      );
      expect(rows).toEqual([
        { column_name: 'data', data_type: 'json' },
        { column_name: 'metadata', data_type: 'json' },
      ]);
      expect(await reopened.verifyStream('old')).toMatchObject({ ok: true, eventCount: 2 });
      await reopened.appendToStream('old', [sampleEvent(3)], { expectedVersion: 2, metadata: actor });
      expect(await reopened.verifyStream('old')).toMatchObject({ ok: true, eventCount: 3 });
    } finally {
      await reopened.close();
    }
  });
});
