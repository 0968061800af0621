import { catalog } from '@jixiao/contexts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '../event-store';
import { expectRebuildOnlyOnRealDifference } from './prepare.behaviour';

describe('preparing the read models (SQLite, events in the same file)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-prepare-'));
  const file = path.join(dir, 'jixiao.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates them once, leaves them alone on the next start, and rebuilds only on a real difference', async () => {
    const store = new SqliteEventStore({ file, catalog });
    try {
      await expectRebuildOnlyOnRealDifference(
        store,
        { kind: 'sqlite', file },
        'ALTER TABLE rm_unit DROP COLUMN division_code',
      );
    } finally {
      await store.close();
    }
  });
});
