import type { NewEvent } from '@jixiao/events';

const indicator = (goalId: string, n: number, target: number) => ({
  indicatorId: `${goalId}-i${n}`,
  level1: 'OUTPUT',
  level2: 'QUANTITY',
  name: `指标${n}`,
  operator: '>=',
  targetValue: target,
  targetText: null,
  unit: '所',
  points: 25,
  basis: 'PLAN',
  core: n === 0,
  templateId: null,
});

/** A valid GoalSubmitted with two indicators. */
export function goalSubmitted(goalId: string, unitId = 'u-test'): NewEvent {
  return {
    type: 'GoalSubmitted',
    data: {
      goalId,
      unitId,
      projectCode: `P-${goalId}`,
      projectName: `测试项目 ${goalId}`,
      fiscalYear: 2026,
      divisionCode: '429006',
      term: 'ANNUAL',
      overallGoal: '改善办学条件',
      amountFen: 100_000_000,
      indicators: [indicator(goalId, 0, 10), indicator(goalId, 1, 90)],
      projectId: null,
      submission: 1,
      departmentReview: false,
      ruleProfile: { profileId: 'builtin-hubei', version: 1 },
      indicatorCatalogueVersion: '2021',
    },
  };
}

/**
 * A valid IndicatorRevised; the read model counts revisions per indicator, so an event
 * applied twice shows as a wrong `revisionCount`.
 */
export function indicatorRevised(goalId: string, version: number): NewEvent {
  return {
    type: 'IndicatorRevised',
    data: { goalId, indicator: indicator(goalId, version % 2, 10 + version), reason: `第${version}次修改` },
  };
}

/** A valid GoalReviewed (returned): each one appends to the goal's `reviews` list. */
export function goalReturned(goalId: string, round: number): NewEvent {
  return {
    type: 'GoalReviewed',
    data: {
      goalId,
      round,
      stage: 'FINANCE',
      ruleProfile: { profileId: 'builtin-hubei', version: 1 },
      reviewerRole: 'PERFORMANCE_SECTION',
      result: 'RETURN',
      comment: `第${round}轮`,
      indicatorComments: [],
    },
  };
}

/** The next event for a goal stream at `version` (0 = new): submitted, then revisions and reviews. */
export function nextGoalEvent(goalId: string, version: number): NewEvent {
  if (version === 0) return goalSubmitted(goalId);
  return version % 3 === 0 ? goalReturned(goalId, version / 3) : indicatorRevised(goalId, version);
}
