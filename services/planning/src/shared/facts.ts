import type { EntityManager } from '@mikro-orm/core';
import { NotFoundError, pickRuleProfile, profileCandidates, type RuleProfile } from '@jixiao/events';
import {
  ProjectRowSchema,
  RuleProfileRowSchema,
  UnitRowSchema,
  type ProjectRow,
  type UnitRow,
} from '@jixiao/projections';

/** What commands need to know from the read models before deciding; each refusal names the missing thing. */
export const unitNotFound = (unitId: string) =>
  new NotFoundError({
    zh: `预算单位 ${unitId} 不存在，请先登记单位`,
    en: `Budget unit ${unitId} does not exist; register it first`,
  });

export async function requireUnit(em: EntityManager, unitId: string): Promise<UnitRow> {
  const unit = await em.findOne(UnitRowSchema, { unitId });
  if (!unit) throw unitNotFound(unitId);
  return unit;
}

export async function requireProject(em: EntityManager, projectId: string): Promise<ProjectRow> {
  const project = await em.findOne(ProjectRowSchema, { projectId });
  if (!project) {
    throw new NotFoundError({
      zh: `项目 ${projectId} 不存在，请先申报项目`,
      en: `Project ${projectId} does not exist; propose it first`,
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
