import { IllegalStateError, invalid, issueIf, isBlank, moneyIssues } from '@jixiao/events';
import type { AdjustGoal, IssueGoal, MarkGoalExemplary } from './goal.commands';
import type { GoalEvent } from './goal.events';
import { indicatorListIssues } from './goal.rules';
import { APPROVED_STATUSES, requireStatus, type GoalState } from './goal.state';

/** 下达: an approved goal goes out with the budget reply (批复). */
export function issue(command: IssueGoal, state: GoalState): GoalEvent[] {
  requireStatus(state, command.goalId, ['APPROVED'], { zh: '随预算下达', en: 'issue it' });
  const issues = [
    ...issueIf(
      isBlank(command.budgetDocument),
      'budgetDocument',
      '请填写预算批复文号',
      'Give the budget reply document number',
    ),
    ...moneyIssues(command.issuedAmountFen, 'issuedAmount', { zh: '下达金额', en: 'The issued amount' }, 'nonnegative'),
  ];
  if (issues.length > 0) throw invalid(issues);
  const { goalId, budgetDocument, issuedAmountFen } = command;
  return [{ type: 'GoalIssued', data: { goalId, budgetDocument, issuedAmountFen } }];
}

/** 调整: only an issued goal, only through a budget adjustment; the adjustment count goes up. */
export function adjust(command: AdjustGoal, state: GoalState): GoalEvent[] {
  requireStatus(state, command.goalId, ['ISSUED', 'ADJUSTED'], { zh: '调整', en: 'adjust it' });
  const issues = [
    ...issueIf(
      isBlank(command.budgetAdjustmentRef),
      'budgetAdjustmentRef',
      '目标调整须随预算调整办理，请填写预算调整文号',
      'A goal changes only through a budget adjustment; give its reference',
    ),
    ...issueIf(isBlank(command.reason), 'reason', '请填写调整原因', 'Give the reason for the adjustment'),
    ...indicatorListIssues(command.indicators, command.indicatorCatalogueVersion),
    ...moneyIssues(command.amountFen, 'amount', { zh: '调整后金额', en: 'The adjusted amount' }, 'nonnegative'),
  ];
  if (issues.length > 0) throw invalid(issues);
  const { goalId, budgetAdjustmentRef, reason, amountFen, indicators } = command;
  const adjustmentCount = state.adjustmentCount + 1;
  const data = { goalId, budgetAdjustmentRef, reason, amountFen, indicators, adjustmentCount };
  return [{ type: 'GoalAdjusted', data }];
}

/** 精品样本: an approved goal is published to the sample library, once. */
export function markExemplary(command: MarkGoalExemplary, state: GoalState): GoalEvent[] {
  requireStatus(state, command.goalId, APPROVED_STATUSES, { zh: '评为精品样本', en: 'mark it exemplary' });
  if (state.exemplary) {
    throw new IllegalStateError({ zh: '该目标已是精品样本', en: 'The goal is already an exemplary sample' });
  }
  const issues = issueIf(isBlank(command.reason), 'reason', '请说明评为样本的理由', 'Say why the goal is exemplary');
  if (issues.length > 0) throw invalid(issues);
  return [{ type: 'GoalMarkedExemplary', data: { goalId: command.goalId, reason: command.reason } }];
}
