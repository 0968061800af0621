import {
  ForbiddenError,
  IllegalStateError,
  invalid,
  JOINT_REVIEWER_ROLES,
  type FieldIssue,
  isBlank,
} from '@jixiao/events';
import type { IndicatorComment, RecordReviewOpinion, ReviewGoal } from './goal.commands';
import type { GoalEvent } from './goal.events';
import { requireStatus, type GoalState } from './goal.state';

/** 审核角色的中文名称. */
export const REVIEWER_ROLE_LABELS: Record<string, string> = {
  DEPARTMENT: '主管部门',
  BUDGET_SECTION: '预算科',
  PERFORMANCE_SECTION: '绩效科',
  EXPERT: '专家',
};
const label = (role: string) => REVIEWER_ROLE_LABELS[role] ?? role;

/** The comments of a review must name indicators of the goal and say something; a return must say why. */
function commentIssues(
  state: GoalState,
  result: 'APPROVE' | 'RETURN',
  comment: string,
  indicatorComments: IndicatorComment[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (result === 'RETURN' && isBlank(comment) && indicatorComments.length === 0) {
    issues.push({
      path: 'comment',
      zh: '退回须说明原因：填写总体意见或逐项指标意见',
      en: 'A return needs a reason: add a comment or a comment on an indicator',
    });
  }
  indicatorComments.forEach(({ indicatorId, comment: text }, index) => {
    if (!state.indicators.some((i) => i.indicatorId === indicatorId)) {
      issues.push({
        path: `indicatorComments[${index}].indicatorId`,
        zh: `目标中没有指标「${indicatorId}」，请对目标中的指标提出意见`,
        en: `The goal has no indicator "${indicatorId}"; comment on one of its indicators`,
      });
    }
    if (isBlank(text)) {
      issues.push({
        path: `indicatorComments[${index}].comment`,
        zh: '指标意见不能为空',
        en: 'The indicator comment is empty; write it or remove it',
      });
    }
  });
  return issues;
}

/** 联审意见: each member of the joint finance review gives one opinion per round. */
export function recordOpinion(command: RecordReviewOpinion, state: GoalState): GoalEvent[] {
  requireStatus(state, command.goalId, ['FINANCE_REVIEW'], { zh: '提出联审意见', en: 'give a joint-review opinion' });
  const role = JOINT_REVIEWER_ROLES.find((r) => r === command.reviewerRole);
  if (!role) {
    throw new ForbiddenError({
      zh: `联审意见由预算科、绩效科或专家提出，「${label(command.reviewerRole)}」不能提出`,
      en: `Joint-review opinions come from BUDGET_SECTION, PERFORMANCE_SECTION or EXPERT, not ${command.reviewerRole}`,
    });
  }
  if (state.opinions.some((o) => o.reviewerId === command.reviewerId)) {
    throw new IllegalStateError({
      zh: `您已在第 ${state.submissions} 轮联审中提出过意见，同一轮只能提出一次`,
      en: `You already gave an opinion in review round ${state.submissions}; one per round`,
    });
  }
  const { goalId, reviewerId, opinion, comment, indicatorComments } = command;
  const issues = commentIssues(state, opinion, comment, indicatorComments);
  if (issues.length > 0) throw invalid(issues);
  const data = {
    goalId,
    round: state.submissions,
    reviewerRole: role,
    reviewerId,
    opinion,
    comment,
    indicatorComments,
  };
  return [{ type: 'GoalReviewOpinionRecorded', data }];
}

/** Who decides each stage: the supervising department first, then the performance section for the joint review. */
const STAGE_REVIEWER = { DEPARTMENT: 'DEPARTMENT', FINANCE: 'PERFORMANCE_SECTION' } as const;

/** Roles the profile requires in the joint review that have not given an opinion this round. */
const missingOpinions = (command: ReviewGoal, state: GoalState): string[] =>
  command.rules.jointReviewRoles.filter((r) => !state.opinions.some((o) => o.reviewerRole === r));

/** 审核: the department passes the goal on or returns it; the performance section concludes the joint review. */
export function review(command: ReviewGoal, state: GoalState): GoalEvent[] {
  requireStatus(state, command.goalId, ['SUBMITTED', 'FINANCE_REVIEW'], { zh: '审核', en: 'review it' });
  const stage: 'DEPARTMENT' | 'FINANCE' = state.status === 'SUBMITTED' ? 'DEPARTMENT' : 'FINANCE';
  const expected = STAGE_REVIEWER[stage];
  if (command.reviewerRole !== expected) {
    throw new ForbiddenError({
      zh: `目标处于${stage === 'DEPARTMENT' ? '主管部门审核' : '财政联审'}阶段，应由${label(expected)}审核，「${label(command.reviewerRole)}」不能审核`,
      en: `At the ${stage} stage the goal is reviewed by ${expected}, not ${command.reviewerRole}`,
    });
  }
  if (stage === 'FINANCE') {
    const missing = missingOpinions(command, state);
    if (missing.length > 0) {
      throw new IllegalStateError({
        zh: `联审尚未完成：缺少${missing.map(label).join('、')}的意见，请待其提出意见后再作结论`,
        en: `The joint review is not complete: no opinion yet from ${missing.join(', ')}`,
      });
    }
    if (command.result === 'APPROVE' && state.opinions.some((o) => o.opinion === 'RETURN')) {
      throw new IllegalStateError({
        zh: '联审意见中有退回意见，不能批准；请退回修改',
        en: 'A joint-review member asked for a return; the goal cannot be approved, return it',
      });
    }
  }
  const { goalId, reviewerRole, result, comment, indicatorComments } = command;
  const issues = commentIssues(state, result, comment, indicatorComments);
  if (issues.length > 0) throw invalid(issues);
  const ruleProfile = stage === 'FINANCE' ? command.rules.ref : null;
  const data = {
    goalId,
    round: state.submissions,
    stage,
    reviewerRole,
    result,
    comment,
    indicatorComments,
    ruleProfile,
  };
  return [{ type: 'GoalReviewed', data }];
}
