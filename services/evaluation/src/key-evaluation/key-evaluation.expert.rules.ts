import { ForbiddenError, IllegalStateError, invalid, isBlank } from '@jixiao/events';
import { notFound, requireEvaluator, type Actor, type KeyEvaluationState, type Score } from './key-evaluation.decider';
import type { KeyEvaluationEvent } from './key-evaluation.events';
import { REPORTING, requireStage, scoreSheetIssues, trimmedScores } from './key-evaluation.work.rules';

/**
 * 受邀专家评分: an expert invited to a key (or department) evaluation scores indicators beside the
 * evaluator. The invitation is an assignment (the directory's AssignmentGranted of kind KEY_EVALUATION,
 * the machinery pre-assessment scorers use), so the command carries who is invited now as its context.
 * Expert scores are recorded and shown; the final score and grade stay the evaluator's (README, "Experts").
 */
export interface GiveExpertEvaluationScores {
  type: 'GiveExpertEvaluationScores';
  evaluationId: string;
  actor: Actor;
  /** The expert's user id (the token's subject). */
  expertId: string;
  scores: (Score & { reason: string | null })[];
  context: {
    /** User ids of the experts invited to this evaluation now (its KEY_EVALUATION assignments). */
    invited: readonly string[];
  };
}

/** Stages an expert may be invited in: from the plan until the final report. */
const INVITING = ['PLANNED', 'AGENCY_ASSIGNED', 'FIELDWORK', 'DRAFT_REPORT', 'UNIT_FEEDBACK'] as const;

/**
 * Who may invite (or withdraw) an expert: the performance section, or the evaluator assigned — the
 * agency of a key evaluation, the department of a department evaluation; an invitation only before
 * the final report. Checked before the assignment is recorded (it lives in its own stream).
 */
export function requireInviter(
  evaluation: Pick<KeyEvaluationState, 'stage' | 'kind' | 'evaluatorId'>,
  evaluationId: string,
  actor: Actor,
  action: 'INVITE' | 'WITHDRAW',
): void {
  if (evaluation.stage === 'NONE') throw notFound(evaluationId);
  if (actor.role !== 'PERFORMANCE_SECTION') requireEvaluator(evaluation, evaluationId, actor);
  if (action === 'INVITE' && !(INVITING as readonly string[]).includes(evaluation.stage)) {
    throw new IllegalStateError({
      zh: `正式报告提交后不能再邀请专家评分（当前阶段：${evaluation.stage}）`,
      en: `No expert is invited after the final report (stage now: ${evaluation.stage})`,
    });
  }
}

/** The expert's scores as events; refused for anyone not an invited expert, and outside the scoring stages. */
export function giveExpertScores(c: GiveExpertEvaluationScores, state: KeyEvaluationState): KeyEvaluationEvent[] {
  if (state.stage === 'NONE') throw notFound(c.evaluationId);
  if (c.actor.role !== 'EXPERT' || isBlank(c.expertId) || !c.context.invited.includes(c.expertId)) {
    throw new ForbiddenError({
      zh: '只有受邀参加此项评价的专家可以评分',
      en: 'Only an expert invited to this evaluation scores it',
    });
  }
  requireStage(
    state,
    ['FIELDWORK', ...REPORTING],
    '现场评价开始后、正式报告前专家才能评分',
    'Experts score after fieldwork has begun and before the final report',
  );
  const given = trimmedScores(c.scores);
  const earlier = state.expertScores.filter((s) => s.expertId === c.expertId);
  const issues = scoreSheetIssues(state.split, earlier, given);
  if (issues.length > 0) throw invalid(issues);
  return given.map((s) => ({
    type: 'EvaluationExpertScoreGiven',
    data: {
      evaluationId: c.evaluationId,
      expertId: c.expertId,
      dimension: s.dimension,
      indicator: s.indicator,
      points: s.points,
      maxPoints: s.maxPoints,
      reason: isBlank(s.reason) ? null : s.reason!.trim(),
    },
  }));
}
