import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { ForbiddenError } from '@jixiao/events';
import { UnitRowSchema, type GoalRow } from '@jixiao/projections';
import type { Actor } from '@jixiao/service-kit';

/**
 * 待办: the goals waiting for this actor. The department reviews its subordinate units'
 * submissions; each joint-review member sees goals it has not yet given an opinion on this
 * round; the performance section sees every goal in joint review (it concludes them);
 * a budget unit sees its own drafts and returned goals.
 */
export async function reviewQueueFilter(em: EntityManager, actor: Actor): Promise<FilterQuery<GoalRow>> {
  switch (actor.role) {
    case 'DEPARTMENT': {
      const units = await em.find(UnitRowSchema, { parentId: actor.unitId ?? '' }, { fields: ['unitId'] });
      return { status: 'SUBMITTED', unitId: { $in: units.map((u) => u.unitId) } };
    }
    case 'BUDGET_SECTION':
      return { status: 'FINANCE_REVIEW', $not: { opinionRoles: { $like: '%,BUDGET_SECTION,%' } } };
    case 'EXPERT':
      return { status: 'FINANCE_REVIEW', $not: { opinionReviewers: { $like: `%,${actor.userId},%` } } };
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
