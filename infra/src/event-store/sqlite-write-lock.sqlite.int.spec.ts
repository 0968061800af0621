import { catalog } from '@jixiao/contexts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openReadModels } from '../read-models/orm';
import { SqliteEventStore, writeWhenFree } from './sqlite-event-store';

const registered = (unitId: string) => ({
  type: 'BudgetUnitRegistered',
  data: {
    unitId,
    code: unitId,
    name: '天门市测试单位',
    level: 'FIRST',
    parentId: null,
    divisionCode: '429006',
    sector: '',
  },
});

/**
 * Embedded mode keeps the events and the read models in one SQLite file, on two connections of one
 * process. A projection's transaction holds the write lock across awaits; an append meanwhile must wait
 * for it without blocking the event loop that transaction needs to finish.
 */
describe('the SQLite event store beside the read models in the same file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends while a read-model transaction holds the write lock across an await, once it commits', async () => {
    const file = join(dir, 'jixiao.db');
    const store = new SqliteEventStore({ file, catalog });
    const orm = await openReadModels({ kind: 'sqlite', file });
    try {
      const order: string[] = [];
      let appending: Promise<unknown> | undefined;
      await orm.em.fork().transactional(async (tx) => {
        // a write takes the file's write lock until the transaction ends
        const run = (sql: string) => tx.getConnection().execute(sql, [], 'run', tx.getTransactionContext());
        await run('CREATE TABLE IF NOT EXISTS rm_probe (n integer)');
        await run('INSERT INTO rm_probe (n) VALUES (1)');
        appending = store
          .appendToStream('budgetunit-u1', [registered('u1')], {
            expectedVersion: 0,
            metadata: { actorId: 'admin', role: 'ADMIN' },
          })
          .then(() => order.push('appended'));
        // the projection awaits between statements: the append cannot have gone in yet
        await new Promise((resolve) => setTimeout(resolve, 100));
        order.push('read models committed');
      });
      await appending;
      expect(order).toEqual(['read models committed', 'appended']);
      expect((await store.readStream('budgetunit-u1')).map((e) => e.type)).toEqual(['BudgetUnitRegistered']);
    } finally {
      await orm.close();
      await store.close();
    }
  });

  it('still gives up with SQLITE_BUSY when the lock is not released within the wait', async () => {
    const file = join(dir, 'jixiao.db');
    const store = new SqliteEventStore({ file, catalog });
    const holder = new Database(file);
    try {
      holder.exec('BEGIN IMMEDIATE');
      await expect(
        writeWhenFree(
          () =>
            store.db
              .prepare('INSERT INTO event_streams (stream_id, version, last_hash) VALUES (?, 0, ?)')
              .run('x', 'h'),
          30,
        ),
      ).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
      holder.exec('ROLLBACK');
      // once free, the same write goes in at the first try
      await writeWhenFree(
        () =>
          store.db.prepare('INSERT INTO event_streams (stream_id, version, last_hash) VALUES (?, 0, ?)').run('x', 'h'),
        0,
      );
      expect(store.db.prepare('SELECT COUNT(*) AS n FROM event_streams').get()).toEqual({ n: 1 });
    } finally {
      holder.close();
      await store.close();
    }
  });

  it('passes other errors through at once', async () => {
    await expect(
      writeWhenFree(() => {
        throw Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT' });
      }),
    ).rejects.toThrow('constraint');
  });
});
