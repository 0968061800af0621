import type { EntityManager } from '@mikro-orm/core';
import type { RuleProfile } from '@jixiao/events';
import { ProjectRowSchema, type ProjectRow } from '@jixiao/projections';
import { ALL_UNITS, inScope, notReached, type UnitScope } from '@jixiao/service-kit';

/**
 * Planning's own look-ups. The ones every context needs (the unit, the rule profile in force)
 * are the kit's: `requireUnit`, `unitNotFound`, `profileInForce` from `@jixiao/service-kit`.
 */

/** The project, or NOT_FOUND when it does not exist or its unit lies outside `scope`. */
export async function requireProject(
  em: EntityManager,
  projectId: string,
  scope: UnitScope = ALL_UNITS,
): Promise<ProjectRow> {
  const project = await em.findOne(ProjectRowSchema, { projectId });
  if (!project || !inScope(scope, project.unitId)) {
    throw notReached(scope, { zh: '项目', en: 'Project' }, projectId, {
      zh: '不存在，请先申报项目',
      en: 'does not exist; propose it first',
    });
  }
  return project;
}

/** The parts of a profile goal decisions use. */
export function goalRulesOf(profile: RuleProfile) {
  return {
    ref: profile.ref,
    indicatorCatalogueVersion: profile.rules.indicatorCatalogueVersion,
    jointReviewRoles: profile.rules.jointReviewRoles,
  };
}
