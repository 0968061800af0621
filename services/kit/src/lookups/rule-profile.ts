import type { EntityManager } from '@mikro-orm/core';
import {
  EXECUTION_TOLERANCE_POINTS_V2,
  EVALUATION_RULES_V3,
  GOAL_RESUBMISSION_DAYS_V1,
  pickRuleProfile,
  profileCandidates,
  type RuleProfile,
} from '@jixiao/events';
import { RuleProfileRowSchema } from '@jixiao/projections';

/**
 * The rule profile in force for a division and fiscal year: the nearest division's published
 * profile for that year (county, prefecture, province, nation; its latest version), else the
 * nearest built-in one. Never fails: the national defaults always apply.
 *
 * @example const { rules } = await profileInForce(em, unit.divisionCode, goal.fiscalYear)
 */
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
    // a row written before the resubmission period (v1), monitoring (v2) or evaluation (v3) was configurable reads as its upcast would
    rules: {
      ...r.rules,
      goalResubmissionDays: r.rules.goalResubmissionDays ?? GOAL_RESUBMISSION_DAYS_V1,
      monitoring: r.rules.monitoring ?? { executionTolerancePoints: EXECUTION_TOLERANCE_POINTS_V2 },
      evaluation: r.rules.evaluation ?? EVALUATION_RULES_V3,
    },
  }));
  return pickRuleProfile(divisionCode, fiscalYear, published);
}
