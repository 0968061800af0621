import { POLICY } from '@jixiao/contexts';
import type { Fixture, UnitKey } from './fixture';
import { as, type GqlResult, type TestPlatform } from './platform';
import type { Probe, RoleCaller } from './probes';

const allowed = (operation: string, c: RoleCaller) => POLICY[operation]?.[c.role] !== undefined;
const performance = as('PERFORMANCE_SECTION', null, 'fixture.performance');
const admin = as('ADMIN', null, 'fixture.admin');

/** The year the figures probe scores (no other probe's notice takes it). */
export const FIGURES_YEAR = 2090;
/** Each fixture unit in a sector of its own: the sector a caller sees tells which unit's rows it reached. */
export const FIGURES_SECTOR: Record<UnitKey, string> = { A: '教育', A1: '交通', B: '水利' };

async function must(
  p: TestPlatform,
  query: string,
  variables: Record<string, unknown>,
  caller: Parameters<TestPlatform['gql']>[2],
) {
  const r = await p.gql(query, variables, caller);
  if (r.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(r.errors)}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes vary per operation
  return Object.values(r.data ?? {})[0] as any;
}

const overallSheet = (evaluationId: string) => ({
  evaluationId,
  budget: '1000000.00',
  executed: '1000000.00',
  indicators: [
    {
      indicatorId: 'k1',
      name: '重点工作完成率',
      level1: 'OUTPUT',
      operator: '>=',
      target: 100,
      points: 50,
      actual: 100,
    },
    { indicatorId: 'k2', name: '社会效益', level1: 'BENEFIT', operator: '>=', target: 90, points: 30, actual: 95 },
    { indicatorId: 'k3', name: '满意度', level1: 'SATISFACTION', operator: '>=', target: 90, points: 20, actual: 95 },
  ],
});

/** Once per fixture: the year's notice, and each fixture unit's overall expenditure submitted (so scored). */
const scored = new WeakMap<Fixture, Promise<void>>();
function scoredYear(p: TestPlatform, f: Fixture): Promise<void> {
  if (!scored.has(f)) {
    scored.set(
      f,
      (async () => {
        await must(
          p,
          `mutation($input: IssueEvaluationNoticeInput!) { issueEvaluationNotice(input: $input) { fiscalYear } }`,
          { input: { divisionCode: '429006', fiscalYear: FIGURES_YEAR, dueDate: '2099-12-31' } },
          performance,
        );
        const list = await must(
          p,
          `query($filter: SelfEvaluationFilter!) { selfEvaluations(filter: $filter, page: { first: 200 }) { nodes { id unitId object } } }`,
          { filter: { fiscalYear: FIGURES_YEAR } },
          performance,
        );
        for (const unit of ['A', 'A1', 'B'] as const) {
          const task = (list.nodes as { id: string; unitId: string; object: string }[]).find(
            (n) => n.unitId === f.unitIds[unit] && n.object === 'DEPT_OVERALL',
          )!;
          await must(
            p,
            `mutation($input: SubmitSelfEvaluationInput!) { submitSelfEvaluation(input: $input) { id } }`,
            { input: overallSheet(task.id) },
            as('BUDGET_UNIT', f.unitIds[unit], `fixture.officer.${unit.toLowerCase()}`),
          );
        }
      })(),
    );
  }
  return scored.get(f)!;
}

/** The probes of the figures: a caller reached a unit's rows when that unit's sector has a self-evaluation scored. */
export const FIGURES_PROBES: Record<string, Probe> = {
  'Query.evaluationFigures': async (p, f, c, u) => {
    if (allowed('Query.evaluationFigures', c)) {
      await scoredYear(p, f);
      // the sector probe moves the fixture units between sectors: put each back in its own
      for (const unit of ['A', 'A1', 'B'] as const) {
        await must(
          p,
          'mutation($input: ChangeBudgetUnitSectorInput!) { changeBudgetUnitSector(input: $input) { id } }',
          { input: { unitId: f.unitIds[unit], sector: FIGURES_SECTOR[unit] } },
          admin,
        );
      }
    }
    const r = await p.gql<{ evaluationFigures: { bySector: { sector: string; selfEvaluation: { count: number } }[] } }>(
      `{ evaluationFigures(fiscalYear: ${FIGURES_YEAR}) { bySector { sector selfEvaluation { count } } } }`,
      undefined,
      c,
    );
    if (r.errors) return r;
    const reached = r.data!.evaluationFigures.bySector.some(
      (s) => s.sector === FIGURES_SECTOR[u] && s.selfEvaluation.count > 0,
    );
    return reached
      ? r
      : ({ ...r, errors: [{ message: 'not listed', extensions: { code: 'NOT_LISTED' } }] } as GqlResult<unknown>);
  },
};
