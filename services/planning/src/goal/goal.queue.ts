import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { ForbiddenError, type JOINT_REVIEWER_ROLES } from '@jixiao/events';
import { UnitRowSchema, type GoalRow } from '@jixiao/projections';
import { profileInForce, type Actor } from '@jixiao/service-kit';

/** Matches no goal: a joint-review role no profile in force names has nothing to review. */
const NO_GOALS: FilterQuery<GoalRow> = { goalId: { $in: [] } };

/**
 * The goals in joint review whose rule profile in force (per division and fiscal year, as the
 * conclusion reads it) names `role` among the joint reviewers.
 */
async function inJointReviewOf(
  em: EntityManager,
  role: (typeof JOINT_REVIEWER_ROLES)[number],
): Promise<FilterQuery<GoalRow>> {
  const groups = (await em
    .getConnection()
    .execute(`select distinct division_code, fiscal_year from rm_goal where status = ?`, ['FINANCE_REVIEW'])) as {
    division_code: string;
    fiscal_year: number | string;
  }[];
  const named: { divisionCode: string; fiscalYear: number }[] = [];
  for (const group of groups) {
    const divisionCode = group.division_code;
    const fiscalYear = Number(group.fiscal_year);
    const profile = await profileInForce(em, divisionCode, fiscalYear);
    if (profile.rules.jointReviewRoles.includes(role)) named.push({ divisionCode, fiscalYear });
  }
  return named.length > 0 ? { status: 'FINANCE_REVIEW', $or: named } : NO_GOALS;
}

/**
 * 待办: the goals waiting for this actor. The department reviews its subordinate units'
 * submissions; each joint-review member the goal's rule profile names sees goals it has not
 * yet given an opinion on this round; the performance section sees every goal in joint review
 * (it concludes them); a budget unit sees its own drafts and returned goals.
 */
export async function reviewQueueFilter(em: EntityManager, actor: Actor): Promise<FilterQuery<GoalRow>> {
  switch (actor.role) {
    case 'DEPARTMENT': {
      const units = await em.find(UnitRowSchema, { parentId: actor.unitId ?? '' }, { fields: ['unitId'] });
      return { status: 'SUBMITTED', unitId: { $in: units.map((u) => u.unitId) } };
    }
    case 'BUDGET_SECTION':
      return {
        $and: [await inJointReviewOf(em, actor.role), { $not: { opinionRoles: { $like: '%,BUDGET_SECTION,%' } } }],
      };
    case 'EXPERT':
      return {
        $and: [await inJointReviewOf(em, actor.role), { $not: { opinionReviewers: { $like: `%,${actor.userId},%` } } }],
      };
    case 'PERFORMANCE_SECTION':
      return { status: 'FINANCE_REVIEW' };
    case 'BUDGET_UNIT':
      return { status: { $in: ['DRAFT', 'RETURNED'] }, unitId: actor.unitId ?? '' };
    default:
      throw new ForbiddenError({
        zh: `「${actor.role}」角色没有目标审核待办`,
        en: `The role ${actor.role} has no goal review queue`,
      });
  }
}
