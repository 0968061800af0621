import { catalog } from '@jixiao/contexts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleEvent } from '@jixiao/events';
import { SqliteEventStore } from '../event-store';
import { lastEventOf } from './last-event';

describe('lastEventOf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-last-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.db'), catalog });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds nothing in an empty store, then the newest event across several pages', async () => {
    expect(await lastEventOf(store, 2)).toBeUndefined();
    const metadata = { actorId: 'chen.jing', role: 'ADMIN', unitId: null };
    const appends = Array.from({ length: 5 }, (_, i) => ({
      streamId: `unit-${i}`,
      events: [sampleEvent(i)],
      expectedVersion: 0,
      metadata,
    }));
    await store.appendBatch(appends);
    const last = await lastEventOf(store, 2);
    expect(last?.streamId).toBe('unit-4');
  });
});
