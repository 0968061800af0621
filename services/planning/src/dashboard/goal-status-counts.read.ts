import type { EntityManager } from '@mikro-orm/core';
import { GOAL_STATUSES } from '@jixiao/events';
import { GoalCountRowSchema } from '@jixiao/projections';
import { unitWhere, type UnitScope } from '@jixiao/service-kit';

/** The projection whose table `goalStatusCounts` reads (the read cache's keys follow its version). */
export const STATUS_COUNT_READS = ['planning.goal-counts'] as const;

/**
 * The year's goals by status under the caller's row scope: the goal counts per unit and year
 * (`planning.goal-counts`, one row per unit) limited to the scope's units as the goals list limits
 * its rows (`unitWhere`), and added up — a few hundred small rows instead of a count over every goal
 * of the year per status; `unitId` counts one unit's (within the scope). Every status is answered, in the catalog's order, those with none as 0.
 */
export async function goalStatusCounts(
  em: EntityManager,
  fiscalYear: number,
  scope: UnitScope,
  unitId?: string | null,
) {
  const rows = await em.find(
    GoalCountRowSchema,
    // the scope narrows whatever the arguments ask for, never the other way round
    { $and: [{ fiscalYear, ...(unitId ? { unitId } : {}) }, unitWhere(scope)] },
    { fields: ['counts'], disableIdentityMap: true },
  );
  const total = new Map<string, number>();
  for (const row of rows)
    for (const [status, n] of Object.entries(row.counts)) total.set(status, (total.get(status) ?? 0) + n);
  return GOAL_STATUSES.map((status) => ({ status, count: total.get(status) ?? 0 }));
}
