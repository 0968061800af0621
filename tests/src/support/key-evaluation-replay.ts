/* Runs inside jest: `expect` is jest's global. */
import { openReadModels, rebuildReadModels, type ReadModelDatabase } from '@jixiao/infra';
import { KeyEvaluationRowSchema } from '@jixiao/projections';
import type { MikroORM } from '@mikro-orm/core';
import { rmSync } from 'node:fs';
import { answersTo, settled, type Question } from './context-replay';
import { EVALUATION } from './key-evaluation-walk';
import { as, startTestPlatform } from './platform';

const performance = as('PERFORMANCE_SECTION', null, 'li.na');

/**
 * Replay equivalence of the key-evaluation read model: the demo year's two evaluations (one through
 * to the results notified, one in fieldwork), row for row and as readers see them (the plan board's
 * days in stage under a fixed clock), before and after a rebuild.
 */
export async function expectKeyEvaluationReplayGivesSameRows(storage?: ReadModelDatabase) {
  const clock = () => new Date('2024-12-20T02:00:00.000Z');
  const first = await startTestPlatform({ seed: 'demo', clock, ...(storage ? { storage } : {}) });
  let second: Awaited<ReturnType<typeof startTestPlatform>> | undefined;
  let firstOpen = true;
  try {
    const events = await settled(first);
    const before = await rows(first.orm);
    expect(before.map((r) => r.stage)).toEqual(expect.arrayContaining(['RESULTS_NOTIFIED', 'FIELDWORK']));
    const unitId = before[0]!.unitId;
    const answers = await answersTo(first, questions(unitId));
    firstOpen = false;
    await first.dispose({ keepData: true });

    const orm = await openReadModels(first.storage);
    await rebuildReadModels(orm);
    expect(await rows(orm)).toEqual([]);
    await orm.close();

    second = await startTestPlatform({ dir: first.dir, storage: first.storage, clock });
    expect(await settled(second)).toBe(events);
    expect(await rows(second.orm)).toEqual(before);
    expect(await answersTo(second, questions(unitId))).toEqual(answers);
  } finally {
    if (second) await second.dispose();
    else if (firstOpen) await first.dispose();
    else rmSync(first.dir, { recursive: true, force: true });
  }
}

/** Every evaluation row, in id order, as plain JSON (dates as ISO text). */
async function rows(orm: MikroORM) {
  const found = await orm.em
    .fork()
    .find(KeyEvaluationRowSchema, {}, { orderBy: { evaluationId: 'asc' }, disableIdentityMap: true });
  return found.map((r) => JSON.parse(JSON.stringify(r)) as typeof r);
}

const questions = (unitId: string): readonly Question[] => [
  ['list', `{ keyEvaluations(page: { first: 50 }) { totalCount nodes { ${EVALUATION} } } }`, undefined, performance],
  [
    'board',
    `{ keyEvaluationBoard(fiscalYear: 2023) { stages { stage count } items { daysInStage evaluation { id stage } } } }`,
    undefined,
    as('AUDITOR'),
  ],
  [
    'own',
    `{ keyEvaluations { totalCount nodes { id grade: final { grade } } } }`,
    undefined,
    as('BUDGET_UNIT', unitId, 'zhang.wei'),
  ],
];
