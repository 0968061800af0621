import { openReadModels, rebuildReadModels } from '@jixiao/infra';
import type { MikroORM } from '@mikro-orm/core';
import {
  DisbursementRequestRowSchema,
  DisbursementStandingRowSchema,
  ProjectionStreamSchema,
} from '@jixiao/projections';
import { startTestPlatform } from './support/platform';
import { performance } from './support/walk';

const FIGURES = `{ disbursementFigures(fiscalYear: 2023) {
  total { requests amount cleared clearedAmount held heldAmount waiting documentsReceived }
  byUnit { unitId requests amount } byMonth { month requests amount } } }`;

/** The disbursement read models row for row, and the standing's stream records, in key order. */
async function rowsOf(orm: MikroORM) {
  const em = orm.em.fork();
  return {
    requests: await em.find(DisbursementRequestRowSchema, {}, { orderBy: { requestId: 'asc' } }),
    standings: await em.find(DisbursementStandingRowSchema, {}, { orderBy: { key: 'asc' } }),
    records: await em.find(
      ProjectionStreamSchema,
      { projection: 'execution.disbursement-standing' },
      { orderBy: { streamId: 'asc' } },
    ),
  };
}

describe('replaying the demo year into empty read models (SQLite)', () => {
  it('gives the same disbursement requests, project standings and year’s figures as before', async () => {
    const first = await startTestPlatform({ seed: 'demo' });
    expect(await first.caughtUp(60_000)).toBe(true);
    const before = await rowsOf(first.orm);
    expect(before.requests.length).toBeGreaterThanOrEqual(4);
    expect(new Set(before.requests.map((r) => r.status))).toEqual(new Set(['REQUESTED', 'CLEARED', 'HELD']));
    expect(before.standings.length).toBeGreaterThan(0);
    const figures = await first.gql(FIGURES, undefined, performance);
    expect(figures.errors).toBeUndefined();
    expect(figures.data!.disbursementFigures.total.requests).toBe(before.requests.length);
    await first.dispose({ keepData: true });

    const orm = await openReadModels(first.storage);
    await rebuildReadModels(orm);
    expect(await orm.em.fork().count(DisbursementRequestRowSchema, {})).toBe(0);
    await orm.close();

    const second = await startTestPlatform({ dir: first.dir, storage: first.storage });
    try {
      expect(await second.caughtUp(60_000)).toBe(true);
      expect(await rowsOf(second.orm)).toEqual(before);
      expect(await second.gql(FIGURES, undefined, performance)).toMatchObject({ data: figures.data });
    } finally {
      await second.dispose();
    }
  }, 180_000);
});
