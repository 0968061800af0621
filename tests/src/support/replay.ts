/* Runs inside jest: `expect` is jest's global. */
import { openReadModels, rebuildReadModels } from '@jixiao/infra';
import { GoalRowSchema } from '@jixiao/projections';
import type { ReadModelDatabase } from '@jixiao/infra';
import { startTestPlatform } from './platform';
import { answers, seed } from './year';

/** Seeds a small year, answers every planning query, empties the read models, replays, answers again. */
export async function expectReplayGivesSameAnswers(storage?: (dir: string) => ReadModelDatabase) {
  const first = await startTestPlatform(storage ? { storage: storage('') } : {});
  const ids = await seed(first);
  const before = await answers(first, ids);
  expect(before.goal).toMatchObject({ goal: { status: 'APPROVED', reviewRounds: 2 } });
  expect(before.profile).toMatchObject({ ruleProfile: { passMark: 80 } });
  await first.dispose({ keepData: true });

  const orm = await openReadModels(first.storage);
  await rebuildReadModels(orm);
  expect(await orm.em.fork().count(GoalRowSchema, {})).toBe(0);
  await orm.close();

  const second = await startTestPlatform({ dir: first.dir, storage: first.storage });
  try {
    expect(await second.caughtUp(30_000)).toBe(true);
    expect(await answers(second, ids)).toEqual(before);
  } finally {
    await second.dispose();
  }
}
