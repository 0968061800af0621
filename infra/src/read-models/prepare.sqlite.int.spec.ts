import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { catalog } from '@jixiao/events';
import { UnitRowSchema } from '@jixiao/projections';
import { SqliteEventStore } from '../event-store';
import { openReadModels, prepareReadModels } from './orm';

/** Read models rebuild only when their own tables change, and never touch the events beside them. */
describe('preparing the read models (SQLite, events in the same file)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-prepare-'));
  const file = path.join(dir, 'jixiao.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates them once, leaves them alone on the next start, and rebuilds only on a real difference', async () => {
    const store = new SqliteEventStore({ file, catalog });
    await store.appendToStream(
      'unit-u1',
      [
        {
          type: 'BudgetUnitRegistered',
          data: {
            unitId: 'u1',
            code: '101001',
            name: '天门市教育局',
            level: 'FIRST',
            parentId: null,
            divisionCode: '429006',
          },
        },
      ],
      { expectedVersion: 0, metadata: { actorId: 't', role: 'ADMIN', unitId: null } },
    );
    const orm = await openReadModels({ kind: 'sqlite', file });
    await orm.em.fork().insert(UnitRowSchema, {
      unitId: 'u1',
      streamId: 'unit-u1',
      lastVersion: 1,
      code: '101001',
      name: '天门市教育局',
      level: 'FIRST',
      parentId: null,
      divisionCode: '429006',
      registeredAt: new Date(),
    });
    // the events table beside them is no reason to rebuild
    expect(await prepareReadModels(orm)).toBe('unchanged');
    expect(await orm.em.fork().count(UnitRowSchema, {})).toBe(1);

    await orm.em.getConnection().execute('ALTER TABLE rm_unit DROP COLUMN division_code');
    await expect(prepareReadModels(orm, 'refuse')).rejects.toHaveProperty(
      'message',
      expect.stringMatching(/rebuild-main/),
    );
    expect(await prepareReadModels(orm)).toBe('rebuilt');
    expect(await orm.em.fork().count(UnitRowSchema, {})).toBe(0);
    expect(await store.readAll()).toHaveLength(1);
    await orm.close();
    await store.close();
  });
});
