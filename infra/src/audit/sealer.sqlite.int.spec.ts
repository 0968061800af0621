import { catalog } from '@jixiao/contexts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../event-store';
import { expectSealedHistoryToProveItself } from './sealer.behaviour';

describe('sealing the log into signed Merkle tree heads (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-seal-'));
  const file = join(dir, 'events.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('proves inclusion and consistency, and exposes a tail rewritten with recomputed hashes', async () => {
    const store = new SqliteEventStore({ file, catalog });
    try {
      await expectSealedHistoryToProveItself(store, async (event, data, hash) => {
        const db = new Database(file);
        db.exec('DROP TRIGGER events_no_update; DROP TRIGGER event_streams_forward_only;');
        db.prepare('UPDATE events SET data = ?, hash = ? WHERE event_id = ?').run(
          JSON.stringify(data),
          hash,
          event.eventId,
        );
        db.prepare('UPDATE event_streams SET last_hash = ? WHERE stream_id = ?').run(hash, event.streamId);
        db.close();
      });
    } finally {
      await store.close();
    }
  });
});
