import { PRE_ASSESSMENT_DIMENSIONS } from '@jixiao/events';
import { ALL_UNITS, notReached, type UnitScope } from '@jixiao/service-kit';
import type { PreAssessmentRow } from '@jixiao/projections';
import type {
  PreAssessmentConclusion,
  PreAssessmentDimension,
  PreAssessmentStatus,
  PreAssessmentSubject,
  ScorerRole,
} from './pre-assessment.enums';
import type { PreAssessment } from './pre-assessment.type';

export function toPreAssessment(row: PreAssessmentRow): PreAssessment {
  return {
    id: row.preAssessmentId,
    subject: row.subject as PreAssessmentSubject,
    projectId: row.projectId,
    policyName: row.policyName,
    unit: { id: row.unitId },
    fiscalYear: row.fiscalYear,
    status: row.status as PreAssessmentStatus,
    passMark: row.passMark,
    ruleProfile: row.ruleProfile,
    dimensions: PRE_ASSESSMENT_DIMENSIONS.map((d) => ({
      dimension: d as PreAssessmentDimension,
      maxPoints: row.dimensionMaxPoints[d],
      score: row.dimensionScores?.[d] ?? null,
    })),
    scores: row.scores.map((s) => ({
      ...s,
      scorerRole: s.scorerRole as ScorerRole,
      dimension: s.dimension as PreAssessmentDimension,
    })),
    total: row.total,
    passed: row.passed,
    conclusion: row.conclusion as PreAssessmentConclusion | null,
    report: row.report,
    version: row.lastVersion,
  };
}

/** NOT_FOUND; a caller limited to some units or assignments is not told whether it exists. */
export const preAssessmentNotFound = (id: string, scope: UnitScope = ALL_UNITS) =>
  notReached(scope, { zh: '事前评估', en: 'Pre-assessment' }, id, { zh: '不存在', en: 'does not exist' });
