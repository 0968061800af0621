import type { OperationPolicy, PolicyRows } from '@jixiao/service-kit';

/** Who reads self-evaluations: the bureau, auditors and congress all; a unit its own; a department its tree. */
const SELF_EVALUATION_READ: OperationPolicy = {
  PERFORMANCE_SECTION: 'ALL',
  BUDGET_SECTION: 'ALL',
  AUDITOR: 'ALL',
  NPC: 'ALL',
  BUDGET_UNIT: 'OWN_UNIT',
  DEPARTMENT: 'SUBORDINATES',
};

/**
 * 权限表 of self-evaluation (单位自评): the performance section issues the notice, draws the spot
 * check and decides it; a budget unit fills (and previews) its own; a department reviews its units'
 * (as planning's goal review: the units whose parent it is); the budget section, auditors and
 * congress read everything, a unit its own, a department its tree.
 */
export const selfEvaluationPolicy: PolicyRows = {
  'Mutation.issueEvaluationNotice': { PERFORMANCE_SECTION: 'ALL' },
  'Mutation.submitSelfEvaluation': { BUDGET_UNIT: 'OWN_UNIT' },
  'Query.previewSelfEvaluationScore': { BUDGET_UNIT: 'OWN_UNIT' },
  'Mutation.reviewSelfEvaluation': { DEPARTMENT: 'CHILD_UNITS' },
  'Mutation.drawSpotCheck': { PERFORMANCE_SECTION: 'ALL' },
  'Mutation.decideSpotCheck': { PERFORMANCE_SECTION: 'ALL' },
  'Query.selfEvaluations': SELF_EVALUATION_READ,
  'Query.selfEvaluation': SELF_EVALUATION_READ,
  // the notice is the bureau's word to every unit (what to evaluate, by when)
  'Query.evaluationNotice': { ...SELF_EVALUATION_READ, BUDGET_UNIT: 'ALL', DEPARTMENT: 'ALL' },
};
