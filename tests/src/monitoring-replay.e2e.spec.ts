import { openReadModels, rebuildReadModels } from '@jixiao/infra';
import type { MikroORM } from '@mikro-orm/core';
import {
  MonitoringCorrectionRowSchema,
  MonitoringReportRowSchema,
  MonitoringRoundRowSchema,
  MonitoringWarningRowSchema,
} from '@jixiao/projections';
import { startTestPlatform } from './support/platform';
import { performance } from './support/walk';

/** The monitoring read models row for row, in key order. */
async function rowsOf(orm: MikroORM) {
  const em = orm.em.fork();
  return {
    rounds: await em.find(MonitoringRoundRowSchema, {}, { orderBy: { roundId: 'asc' } }),
    reports: await em.find(MonitoringReportRowSchema, {}, { orderBy: { streamId: 'asc' } }),
    warnings: await em.find(MonitoringWarningRowSchema, {}, { orderBy: { warningId: 'asc' } }),
    corrections: await em.find(MonitoringCorrectionRowSchema, {}, { orderBy: { correctionId: 'asc' } }),
  };
}

const PROGRESS = `query($id: ID!) { monitoringRoundProgress(roundId: $id) {
  round { goals reported late overdue warnings } units { unitId goals reported late overdue unreportedGoalIds } } }`;

describe('replaying the demo year into empty read models (SQLite)', () => {
  it('gives the same monitoring rounds, reports, warnings and corrections, and the same round progress', async () => {
    const first = await startTestPlatform({ seed: 'demo' });
    expect(await first.caughtUp(60_000)).toBe(true);
    const before = await rowsOf(first.orm);
    expect(before.rounds).toHaveLength(1);
    expect(before.reports.length).toBeGreaterThan(3);
    expect(new Set(before.warnings.map((w) => w.kind)).size).toBe(4);
    expect(new Set(before.corrections.map((c) => c.kind)).size).toBe(3);
    expect(before.corrections.some((c) => c.lifted)).toBe(true);
    const roundId = before.rounds[0]!.roundId;
    const progress = await first.gql(PROGRESS, { id: roundId }, performance);
    expect(progress.errors).toBeUndefined();
    expect(progress.data!.monitoringRoundProgress.round).toMatchObject({ reported: before.reports.length, overdue: 2 });
    await first.dispose({ keepData: true });

    const orm = await openReadModels(first.storage);
    await rebuildReadModels(orm);
    expect(await orm.em.fork().count(MonitoringWarningRowSchema, {})).toBe(0);
    await orm.close();

    const second = await startTestPlatform({ dir: first.dir, storage: first.storage });
    try {
      expect(await second.caughtUp(60_000)).toBe(true);
      expect(await rowsOf(second.orm)).toEqual(before);
      expect(await second.gql(PROGRESS, { id: roundId }, performance)).toMatchObject({ data: progress.data });
    } finally {
      await second.dispose();
    }
  }, 180_000);
});
