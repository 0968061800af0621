import { catalog } from '@jixiao/contexts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { openReadModels } from '../read-models/orm';

/** A throw-away SQLite file with an event store and the read models on it, for integration tests. */
export interface SqliteWorkspace {
  file: string;
  store: SqliteEventStore;
  orm: MikroORM;
  /** Closes both and deletes the folder. */
  close(): Promise<void>;
}

export async function openSqliteWorkspace(prefix = 'jixiao-test-'): Promise<SqliteWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'jixiao.db');
  const store = new SqliteEventStore({ file, catalog });
  const orm = await openReadModels({ kind: 'sqlite', file });
  return {
    file,
    store,
    orm,
    async close() {
      await orm.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
