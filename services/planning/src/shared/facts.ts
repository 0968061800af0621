import type { EntityManager } from '@mikro-orm/core';
import { NotFoundError, pickRuleProfile, profileCandidates, type RuleProfile } from '@jixiao/events';
import {
  ProjectRowSchema,
  RuleProfileRowSchema,
  UnitRowSchema,
  type ProjectRow,
  type UnitRow,
} from '@jixiao/projections';
import { inScope, type UnitScope } from '@jixiao/service-kit';

const ALL_UNITS: UnitScope = { all: true };

type Message = { zh: string; en: string };

/**
 * NOT_FOUND for a row the caller cannot reach. A caller limited to some units is not told
 * whether a row outside them exists (the same words either way); one that sees every unit
 * learns what to do about a missing row.
 */
function notReached(scope: UnitScope, what: Message, id: string, missing: Message): NotFoundError {
  return new NotFoundError(
    scope.all
      ? { zh: `${what.zh} ${id} ${missing.zh}`, en: `${what.en} ${id} ${missing.en}` }
      : {
          zh: `${what.zh} ${id} 不存在或不在您的权限范围内`,
          en: `${what.en} ${id} was not found or is not in your scope`,
        },
  );
}

/** What commands need to know from the read models before deciding; each refusal names the missing thing. */
export const unitNotFound = (unitId: string, scope: UnitScope = ALL_UNITS) =>
  notReached(scope, { zh: '预算单位', en: 'Budget unit' }, unitId, {
    zh: '不存在，请先登记单位',
    en: 'does not exist; register it first',
  });

/** The unit, or NOT_FOUND when it does not exist or lies outside `scope`. */
export async function requireUnit(em: EntityManager, unitId: string, scope: UnitScope = ALL_UNITS): Promise<UnitRow> {
  const unit = await em.findOne(UnitRowSchema, { unitId });
  if (!unit || !inScope(scope, unit.unitId)) throw unitNotFound(unitId, scope);
  return unit;
}

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

/** The rule profile in force for a division and fiscal year (nearest published, else built-in). */
export async function profileInForce(
  em: EntityManager,
  divisionCode: string,
  fiscalYear: number,
): Promise<RuleProfile> {
  const rows = await em.find(RuleProfileRowSchema, {
    divisionCode: { $in: profileCandidates(divisionCode) },
    fiscalYear,
  });
  const published: RuleProfile[] = rows.map((r) => ({
    ref: { profileId: r.profileId, version: r.version },
    name: r.name,
    divisionCode: r.divisionCode,
    fiscalYear: r.fiscalYear,
    rules: r.rules,
  }));
  return pickRuleProfile(divisionCode, fiscalYear, published);
}

/** The parts of a profile goal decisions use. */
export function goalRulesOf(profile: RuleProfile) {
  return {
    ref: profile.ref,
    indicatorCatalogueVersion: profile.rules.indicatorCatalogueVersion,
    jointReviewRoles: profile.rules.jointReviewRoles,
  };
}
