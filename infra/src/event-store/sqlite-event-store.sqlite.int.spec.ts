import { catalog } from '@jixiao/contexts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeEventStoreConformance } from '@jixiao/events';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreConformance('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-es-'));
  const file = join(dir, 'events.db');
  const store = new SqliteEventStore({ file, catalog });
  const others: SqliteEventStore[] = [];
  /** A DBA's own connection: drops the append-only triggers, changes rows, restores the triggers. */
  const asDba = (sql: string, ...params: unknown[]) => {
    const db = new Database(file);
    db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
    db.prepare(sql).run(...params);
    db.close();
    new SqliteEventStore({ file, catalog }).close();
  };
  return {
    store,
    eventsTable: 'events',
    rawExec: async (sql) => void store.db.exec(sql),
    countEvents: async () => (store.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n,
    tamper: {
      replaceData: async (streamId, version, data) =>
        asDba(
          'UPDATE events SET data = ? WHERE stream_id = ? AND stream_version = ?',
          JSON.stringify(data),
          streamId,
          version,
        ),
      setVersion: async (streamId, from, to) =>
        asDba('UPDATE events SET stream_version = ? WHERE stream_id = ? AND stream_version = ?', to, streamId, from),
      deleteEvent: async (streamId, version) =>
        asDba('DELETE FROM events WHERE stream_id = ? AND stream_version = ?', streamId, version),
    },
    failInsertOf: async (streamId, version) =>
      void store.db.exec(
        `CREATE TRIGGER fail_one BEFORE INSERT ON events WHEN NEW.stream_id = '${streamId}' AND NEW.stream_version = ${version}
         BEGIN SELECT RAISE(ABORT, 'injected failure'); END;`,
      ),
    openAnotherStore: async () => {
      const other = new SqliteEventStore({ file, catalog });
      others.push(other);
      return other;
    },
    reopenFromBeforeCommandTypes: async () => {
      store.db.exec('ALTER TABLE event_commands DROP COLUMN command_type');
      const reopened = new SqliteEventStore({ file, catalog });
      others.push(reopened);
      return reopened;
    },
    close: async () => {
      for (const o of others) await o.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
