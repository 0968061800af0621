import { NotFoundError, PRE_ASSESSMENT_DIMENSIONS } from '@jixiao/events';
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
    scorerIds: row.scorerIds,
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

export const preAssessmentNotFound = (id: string) =>
  new NotFoundError({ zh: `事前评估 ${id} 不存在`, en: `Pre-assessment ${id} does not exist` });
