/* Runs inside jest: `expect` is jest's global. Shared by the SQLite and PostgreSQL specs. */
import type { EventStore } from '@jixiao/events';
import { UnitRowSchema } from '@jixiao/projections';
import { openReadModels, prepareReadModels, type ReadModelDatabase } from './orm';

const registered = {
  type: 'BudgetUnitRegistered',
  data: {
    unitId: 'u1',
    code: '101001',
    name: '天门市教育局',
    level: 'FIRST',
    parentId: null,
    divisionCode: '429006',
    sector: '教育',
  },
};

/**
 * Read models rebuild only when their own tables change, and never touch the events beside them.
 * @param dropColumn SQL that makes `rm_unit` differ from the code (a dropped column)
 */
export async function expectRebuildOnlyOnRealDifference(store: EventStore, db: ReadModelDatabase, dropColumn: string) {
  await store.appendToStream('unit-u1', [registered], {
    expectedVersion: 0,
    metadata: { actorId: 't', role: 'ADMIN', unitId: null },
  });
  const orm = await openReadModels(db);
  try {
    await orm.em.fork().insert(UnitRowSchema, {
      ...registered.data,
      streamId: 'unit-u1',
      lastVersion: 1,
      registeredAt: new Date(),
    });
    // the events table beside them is no reason to rebuild
    expect(await prepareReadModels(orm)).toBe('unchanged');
    expect(await orm.em.fork().count(UnitRowSchema, {})).toBe(1);

    await orm.em.getConnection().execute(dropColumn);
    await expect(prepareReadModels(orm, 'refuse')).rejects.toHaveProperty(
      'message',
      expect.stringMatching(/rebuild-main/),
    );
    expect(await prepareReadModels(orm)).toBe('rebuilt');
    expect(await orm.em.fork().count(UnitRowSchema, {})).toBe(0);
    expect(await store.readAll()).toHaveLength(1);
  } finally {
    await orm.close();
  }
}
