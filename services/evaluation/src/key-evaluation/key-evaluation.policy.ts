import type { OperationPolicy, PolicyRows } from '@jixiao/service-kit';

/**
 * Who reads evaluations: the bureau, congress and auditors all; the evaluated unit its own; a department
 * its units' and those it evaluates; an agency those assigned to it (its token's unit is its agency);
 * an expert those invited to (a KEY_EVALUATION assignment).
 */
const KEY_EVALUATION_READ: OperationPolicy = {
  PERFORMANCE_SECTION: 'ALL',
  BUDGET_SECTION: 'ALL',
  NPC: 'ALL',
  AUDITOR: 'ALL',
  BUDGET_UNIT: 'OWN_UNIT',
  DEPARTMENT: 'SUBORDINATES',
  AGENCY: 'OWN_UNIT',
  EXPERT: 'ASSIGNED',
};

/** The evaluator's work: the agency assigned, or for a department evaluation the department (the decider checks which). */
const EVALUATOR: OperationPolicy = { AGENCY: 'OWN_UNIT', DEPARTMENT: 'SUBORDINATES' };

/**
 * 权限表 of key and department evaluations: the performance section plans, assigns and notifies (a
 * department plans and assigns to itself the department evaluations of its own units); the
 * evaluator records evidence, scores, reports and answers feedback; the evaluated unit gives feedback
 * on the draft; invited experts score beside the evaluator; the plan board is the bureau's, congress's and auditors'.
 */
export const keyEvaluationPolicy: PolicyRows = {
  // a department plans and assigns (to itself) department evaluations of its own units; the decider refuses it a key evaluation
  'Mutation.planKeyEvaluation': { PERFORMANCE_SECTION: 'ALL', DEPARTMENT: 'SUBORDINATES' },
  'Mutation.assignKeyEvaluation': { PERFORMANCE_SECTION: 'ALL', DEPARTMENT: 'SUBORDINATES' },
  'Mutation.recordEvaluationEvidence': EVALUATOR,
  'Mutation.giveEvaluationScores': EVALUATOR,
  'Mutation.submitEvaluationDraftReport': EVALUATOR,
  'Mutation.giveEvaluationFeedback': { BUDGET_UNIT: 'OWN_UNIT', ...EVALUATOR },
  'Mutation.answerEvaluationFeedback': EVALUATOR,
  'Mutation.finalizeKeyEvaluation': EVALUATOR,
  'Mutation.notifyKeyEvaluationResults': { PERFORMANCE_SECTION: 'ALL' },
  // experts: invited by the bureau's performance section or the evaluator (the resolver checks which), score on that evaluation only
  'Mutation.inviteKeyEvaluationExpert': { PERFORMANCE_SECTION: 'ALL', ...EVALUATOR },
  'Mutation.withdrawKeyEvaluationExpert': { PERFORMANCE_SECTION: 'ALL', ...EVALUATOR },
  'Mutation.giveExpertEvaluationScores': { EXPERT: 'ASSIGNED' },
  'Query.keyEvaluation': KEY_EVALUATION_READ,
  'Query.keyEvaluations': KEY_EVALUATION_READ,
  'Query.keyEvaluationBoard': { PERFORMANCE_SECTION: 'ALL', BUDGET_SECTION: 'ALL', NPC: 'ALL', AUDITOR: 'ALL' },
};
