import { catalog, CONTEXTS } from '@jixiao/contexts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessStreamId, streamCategory } from '@jixiao/events';
import { seedCityYear, SCALES } from '@jixiao/generator';
import { SqliteEventStore } from '../event-store';
import { STREAM_CATEGORIES } from './topics';

/** A stream whose category has no topic would be published where no worker reads: its commands would never show. */
describe('the topics of distributed mode', () => {
  it('cover every kind of stream the platform writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-topics-'));
    const store = new SqliteEventStore({ file: join(dir, 'jixiao.db'), catalog });
    try {
      await seedCityYear(store, { contexts: CONTEXTS, scale: SCALES.demo });
      const written = new Set((await store.readAll()).map((e) => streamCategory(e.streamId)));
      written.add(streamCategory(accessStreamId('someone')));
      expect(written.size).toBeGreaterThanOrEqual(6);
      expect([...written].filter((c) => !(STREAM_CATEGORIES as readonly string[]).includes(c))).toEqual([]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
