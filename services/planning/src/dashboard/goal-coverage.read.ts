import type { EntityManager } from '@mikro-orm/core';
import { inScope, type UnitScope } from '@jixiao/service-kit';
import { GoalCountRowSchema } from '@jixiao/projections';

/** The projections whose tables `goalCoverage` reads (the read cache's keys follow their versions). */
export const COVERAGE_READS = ['planning.projects', 'planning.goal-counts'] as const;

/**
 * 目标覆盖率 per unit for a year: the unit's projects of the year, and those with an approved goal.
 * The projects are counted in `rm_project`; the covered ones come from the goal counts per unit
 * and year (`planning.goal-counts`), one row per unit instead of a join over every goal of the year.
 * A goal's unit and year are its project's (the API and the generator take them from the project),
 * so the goals counted under a unit and year are those of that unit's projects of the year.
 */
export async function goalCoverage(em: EntityManager, fiscalYear: number, scope: UnitScope, unitId?: string | null) {
  const projects = (await em.getConnection().execute(
    `select unit_id, count(*) as projects from rm_project
     where fiscal_year = ? ${unitId ? 'and unit_id = ?' : ''} group by unit_id order by unit_id`,
    unitId ? [fiscalYear, unitId] : [fiscalYear],
  )) as { unit_id: string; projects: number | string }[];
  const counted = await em.find(GoalCountRowSchema, unitId ? { fiscalYear, unitId } : { fiscalYear }, {
    fields: ['unitId', 'projectsWithApprovedGoal'],
    disableIdentityMap: true,
  });
  const covered = new Map(counted.map((c) => [c.unitId, c.projectsWithApprovedGoal]));
  return projects
    .filter((r) => inScope(scope, r.unit_id))
    .map((r) => {
      const total = Number(r.projects);
      const withGoal = covered.get(r.unit_id) ?? 0;
      return {
        unit: { id: r.unit_id },
        fiscalYear,
        projects: total,
        projectsWithApprovedGoal: withGoal,
        coverage: total ? Math.round((withGoal / total) * 10000) / 10000 : 0,
      };
    });
}
