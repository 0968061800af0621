import type { EntityManager } from '@mikro-orm/core';
import { GoalCountRowSchema } from '@jixiao/projections';
import { as, startTestPlatform } from './support/platform';

const COVERAGE = `{ goalCoverage(fiscalYear: 2023) { unit { id } fiscalYear projects projectsWithApprovedGoal coverage } }`;

/** What `goalCoverage` answered before the goal counts: a join over every goal row of the year. */
async function coverageFromGoalRows(em: EntityManager, fiscalYear: number) {
  const rows = (await em.getConnection().execute(
    `select p.unit_id, count(distinct p.project_id) as projects, count(distinct g.project_id) as covered
     from rm_project p
     left join rm_goal g on g.project_id = p.project_id and g.status in ('APPROVED', 'ISSUED', 'ADJUSTED')
     where p.fiscal_year = ? group by p.unit_id order by p.unit_id`,
    [fiscalYear],
  )) as { unit_id: string; projects: number; covered: number | null }[];
  return rows.map((r) => {
    const projects = Number(r.projects);
    const covered = Number(r.covered ?? 0);
    return {
      unit: { id: r.unit_id },
      fiscalYear,
      projects,
      projectsWithApprovedGoal: covered,
      coverage: projects ? Math.round((covered / projects) * 10000) / 10000 : 0,
    };
  });
}

/** Goals by unit, year and status, counted in the goal rows: `unit|year` → status → n. */
async function statusCountsFromGoalRows(em: EntityManager) {
  const rows = (await em
    .getConnection()
    .execute(
      `select unit_id, fiscal_year, status, count(*) as n from rm_goal group by unit_id, fiscal_year, status`,
    )) as {
    unit_id: string;
    fiscal_year: number;
    status: string;
    n: number;
  }[];
  const counts: Record<string, Record<string, number>> = {};
  for (const r of rows) (counts[`${r.unit_id}|${r.fiscal_year}`] ??= {})[r.status] = Number(r.n);
  return counts;
}

describe('goal counts per unit and year (a read model fed by every goal stream) on the demo year', () => {
  it('goalCoverage answers what counting the goal rows answers, and the counts by status match the goal rows', async () => {
    const platform = await startTestPlatform({ seed: 'demo' });
    try {
      expect(await platform.caughtUp()).toBe(true);
      const em = platform.orm.em.fork();
      const expected = await coverageFromGoalRows(em, 2023);
      // not a comparison of two empty lists, nor of zeros only
      expect(expected.length).toBeGreaterThan(3);
      expect(expected.some((r) => r.projectsWithApprovedGoal > 0)).toBe(true);
      expect(expected.some((r) => r.projectsWithApprovedGoal < r.projects)).toBe(true);
      const answer = await platform.gql<{ goalCoverage: unknown[] }>(COVERAGE, undefined, as('AUDITOR'));
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.goalCoverage).toEqual(expected);

      const byRows = await statusCountsFromGoalRows(em);
      const counted = await em.find(GoalCountRowSchema, {});
      expect(Object.fromEntries(counted.map((c) => [c.key, c.counts]))).toEqual(byRows);
      expect(counted.reduce((n, c) => n + c.goals, 0)).toBe(30);
    } finally {
      await platform.dispose();
    }
  });
});
