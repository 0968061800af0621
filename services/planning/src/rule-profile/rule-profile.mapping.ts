import {
  EVALUATION_DIMENSIONS,
  GRADES,
  PRE_ASSESSMENT_DIMENSIONS,
  type RuleProfile as Profile,
  type RuleSet,
} from '@jixiao/events';
import type { JointReviewerRole } from '../goal/goal.enums';
import type { CatalogueVersion } from '../library/template.enums';
import type { PreAssessmentDimension } from '../pre-assessment/pre-assessment.enums';
import type { EvaluationDimension, Grade, PublishRuleProfileInput, RuleProfile } from './rule-profile.type';

/** A profile as GraphQL shows it: maps become lists, so clients can iterate them. */
export function toRuleProfile(profile: Profile): RuleProfile {
  const r = profile.rules;
  return {
    ref: profile.ref,
    name: profile.name,
    divisionCode: profile.divisionCode,
    fiscalYear: profile.fiscalYear,
    builtIn: profile.fiscalYear === null,
    passMark: r.preAssessment.passMark,
    dimensionMaxPoints: PRE_ASSESSMENT_DIMENSIONS.map((d) => ({
      dimension: d as PreAssessmentDimension,
      maxPoints: r.preAssessment.dimensionMaxPoints[d],
    })),
    gradeBands: r.gradeBands,
    selfEvaluationWeights: r.selfEvaluationWeights,
    indicatorCatalogueVersion: r.indicatorCatalogueVersion as CatalogueVersion,
    questioningSponsors: r.questioningSponsors,
    budgetCutPercentByGrade: GRADES.map((g) => ({ grade: g as Grade, percent: r.budgetCutPercentByGrade[g] })),
    jointReviewRoles: r.jointReviewRoles as JointReviewerRole[],
    goalResubmissionDays: r.goalResubmissionDays,
    executionTolerancePoints: r.monitoring.executionTolerancePoints,
    spotCheckPercent: r.evaluation.spotCheckPercent,
    keyEvaluationSplit: EVALUATION_DIMENSIONS.map((d) => ({
      dimension: d as EvaluationDimension,
      points: r.evaluation.keyEvaluationSplit[d],
    })),
    minOutputBenefitPercent: r.evaluation.minOutputBenefitPercent,
  };
}

/** The rules in force with the parts the input gives replaced; what it leaves out stays as it was. */
export function mergeRules(current: RuleSet, input: PublishRuleProfileInput): RuleSet {
  const dimensionMaxPoints = { ...current.preAssessment.dimensionMaxPoints };
  for (const d of input.dimensionMaxPoints ?? []) dimensionMaxPoints[d.dimension] = d.maxPoints;
  const budgetCutPercentByGrade = { ...current.budgetCutPercentByGrade };
  const keyEvaluationSplit = { ...current.evaluation.keyEvaluationSplit };
  for (const s of input.keyEvaluationSplit ?? []) keyEvaluationSplit[s.dimension] = s.points;
  for (const c of input.budgetCutPercentByGrade ?? []) budgetCutPercentByGrade[c.grade] = c.percent;
  return {
    preAssessment: { passMark: input.passMark ?? current.preAssessment.passMark, dimensionMaxPoints },
    gradeBands: input.gradeBands ? { ...input.gradeBands } : current.gradeBands,
    selfEvaluationWeights: input.selfEvaluationWeights
      ? { ...input.selfEvaluationWeights }
      : current.selfEvaluationWeights,
    indicatorCatalogueVersion: input.indicatorCatalogueVersion ?? current.indicatorCatalogueVersion,
    questioningSponsors: input.questioningSponsors ? { ...input.questioningSponsors } : current.questioningSponsors,
    budgetCutPercentByGrade,
    jointReviewRoles: input.jointReviewRoles ? [...input.jointReviewRoles] : current.jointReviewRoles,
    goalResubmissionDays: input.goalResubmissionDays ?? current.goalResubmissionDays,
    monitoring: {
      executionTolerancePoints: input.executionTolerancePoints ?? current.monitoring.executionTolerancePoints,
    },
    evaluation: {
      spotCheckPercent: input.spotCheckPercent ?? current.evaluation.spotCheckPercent,
      keyEvaluationSplit,
      minOutputBenefitPercent: input.minOutputBenefitPercent ?? current.evaluation.minOutputBenefitPercent,
    },
  };
}
