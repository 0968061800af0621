import { as, PROPOSE_PROJECT, projectInput, type TestPlatform } from './platform';
import { ok, registerUnits } from './walk';

const COVERAGE = `query($year: Int!) { goalCoverage(fiscalYear: $year) { unit { id } projects projectsWithApprovedGoal } }`;

/**
 * What any read cache must do, wherever it keeps its answers (Redis, or the process's memory).
 * To tell a cached answer from a computed one, the read-model rows are deleted behind the
 * platform's back: only a cached answer still shows them. `afterFirstAnswer` checks where it went.
 */
export function readCacheBehaviour(
  start: () => Promise<TestPlatform>,
  afterFirstAnswer: () => Promise<void> = async () => undefined,
) {
  let p: TestPlatform;
  let bureau: string;
  let school: string;
  beforeAll(async () => {
    p = await start();
    ({ bureau, school } = await registerUnits(p));
  });

  it('answers from the cache until a projection it reads moves, then computes afresh', async () => {
    await ok(p, PROPOSE_PROJECT, { input: projectInput(bureau) }, as('BUDGET_UNIT', bureau, 'zhang.wei'));
    const first = await ok(p, COVERAGE, { year: 2024 });
    expect(first).toEqual([{ unit: { id: bureau }, projects: 1, projectsWithApprovedGoal: 0 }]);
    await afterFirstAnswer();

    await p.orm.em.fork().getConnection().execute('delete from rm_project');
    // nothing the projections know of changed: the cached answer still stands
    expect(await ok(p, COVERAGE, { year: 2024 })).toEqual(first);

    // a new project moves the projects projection: the query is computed again, without the deleted row
    await ok(p, PROPOSE_PROJECT, { input: projectInput(school) }, as('BUDGET_UNIT', school, 'li.ming'));
    expect(await ok(p, COVERAGE, { year: 2024 })).toEqual([
      { unit: { id: school }, projects: 1, projectsWithApprovedGoal: 0 },
    ]);
  });

  it('keeps each caller’s scope apart: a unit never gets an answer cached for the whole city', async () => {
    await ok(p, PROPOSE_PROJECT, { input: projectInput(bureau) }, as('BUDGET_UNIT', bureau, 'zhang.wei'));
    await ok(p, PROPOSE_PROJECT, { input: projectInput(school) }, as('BUDGET_UNIT', school, 'li.ming'));
    const city = await ok(p, COVERAGE, { year: 2024 });
    expect(city.map((c: { unit: { id: string } }) => c.unit.id)).toEqual(expect.arrayContaining([bureau, school]));
    const own = await ok(p, COVERAGE, { year: 2024 }, as('BUDGET_UNIT', school, 'li.ming'));
    expect(own.map((c: { unit: { id: string } }) => c.unit.id)).toEqual([school]);
  });
}
