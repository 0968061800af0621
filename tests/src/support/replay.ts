/* Runs inside jest: `expect` is jest's global. */
import { openReadModels, rebuildReadModels } from '@jixiao/infra';
import type { MikroORM } from '@mikro-orm/core';
import {
  GoalCountRowSchema,
  GoalRowSchema,
  ProjectionStreamSchema,
  PublishedGoalRowSchema,
  PublishedUnitYearRowSchema,
} from '@jixiao/projections';
import type { ReadModelDatabase } from '@jixiao/infra';
import { startTestPlatform } from './platform';
import { answers, publicAnswers, publishSome, seed } from './year';

/** Seeds a small year, answers every planning query, empties the read models, replays, answers again. */
export async function expectReplayGivesSameAnswers(storage?: (dir: string) => ReadModelDatabase) {
  const first = await startTestPlatform(storage ? { storage: storage('') } : {});
  const ids = await seed(first);
  await publishSome(first);
  const before = await answers(first, ids);
  const publicBefore = await publicAnswers(first);
  expect(publicBefore.unitYears).toMatchObject({ publishedUnitYears: [{ publication: 2, goalCount: 1 }] });
  expect(before.goal).toMatchObject({ goal: { status: 'APPROVED', reviewRounds: 2 } });
  expect(before.profile).toMatchObject({ ruleProfile: { passMark: 80 } });
  const keyedBefore = await keyedRows(first.orm);
  expect(keyedBefore.counts.length).toBeGreaterThan(0);
  await first.dispose({ keepData: true });

  const orm = await openReadModels(first.storage);
  await rebuildReadModels(orm);
  expect(await orm.em.fork().count(GoalRowSchema, {})).toBe(0);
  await orm.close();

  const second = await startTestPlatform({ dir: first.dir, storage: first.storage });
  try {
    expect(await second.caughtUp(30_000)).toBe(true);
    expect(await answers(second, ids)).toEqual(before);
    expect(await publicAnswers(second)).toEqual(publicBefore);
    // the cross-stream read model and its stream records, row for row
    expect(await keyedRows(second.orm)).toEqual(keyedBefore);
  } finally {
    await second.dispose();
  }
}

/** The goal counts per unit and year, the keyed projections' stream records, and the publications, in key order. */
async function keyedRows(orm: MikroORM) {
  const em = orm.em.fork();
  return {
    counts: await em.find(GoalCountRowSchema, {}, { orderBy: { key: 'asc' } }),
    streams: await em.find(ProjectionStreamSchema, {}, { orderBy: { projection: 'asc', streamId: 'asc' } }),
    publications: await em.find(PublishedUnitYearRowSchema, {}, { orderBy: { streamId: 'asc' } }),
    published: await em.find(PublishedGoalRowSchema, {}, { orderBy: { goalId: 'asc' } }),
  };
}
