import { ErrorCode, given, IllegalStateError, ValidationError } from '@jixiao/events';
import { goalDecider, type AdjustGoal, type IssueGoal, type MarkGoalExemplary } from './goal.decider';
import type { GoalEvent } from './goal.events';
import { goalSubmitted, onTime, reviewed, roadLength, travel } from './goal.fixtures';

const goal = (history: GoalEvent[]) => given(goalDecider, history);

const approved: GoalEvent[] = [goalSubmitted, reviewed('DEPARTMENT', 'APPROVE'), reviewed('FINANCE', 'APPROVE')];
const issue: IssueGoal = {
  type: 'IssueGoal',
  goalId: 'g1',
  budgetDocument: '天财预〔2023〕1号',
  issuedAmountFen: 3_600_000_000,
};
const issued: GoalEvent[] = [
  ...approved,
  { type: 'GoalIssued', data: { goalId: 'g1', budgetDocument: issue.budgetDocument, issuedAmountFen: 3_600_000_000 } },
];
const adjust: AdjustGoal = {
  type: 'AdjustGoal',
  goalId: 'g1',
  budgetAdjustmentRef: '天财预调〔2023〕12号',
  reason: '追加 10 公里',
  amountFen: 3_900_000_000,
  indicators: [{ ...roadLength, targetValue: 130 }, onTime, travel],
  indicatorCatalogueVersion: '2021',
};
const mark: MarkGoalExemplary = { type: 'MarkGoalExemplary', goalId: 'g1', reason: '指标量化充分' };

/** The refusal's code and its bilingual text, which names what was asked. */
const refusal = (error: IllegalStateError) => ({ code: error.code, zh: error.zh, en: error.en });

describe('an approved goal: issue, adjustment, exemplary mark', () => {
  describe('given a goal still in the department review', () => {
    it('when it is issued, then it is refused, naming the action in both languages', () => {
      const error = goal([goalSubmitted]).when(issue).thenThrows(IllegalStateError);
      expect(refusal(error)).toEqual({
        code: ErrorCode.ILLEGAL_STATE,
        zh: expect.stringContaining('不能随预算下达；只有「已批准」的目标可以随预算下达'),
        en: 'The goal is SUBMITTED; to issue it, the goal must be APPROVED',
      });
    });

    it('when it is marked exemplary, then it is refused, naming the action in both languages', () => {
      const error = goal([goalSubmitted]).when(mark).thenThrows(IllegalStateError);
      expect(refusal(error)).toEqual({
        code: ErrorCode.ILLEGAL_STATE,
        zh: expect.stringMatching(/不能评为精品样本；只有.*的目标可以评为精品样本$/),
        en: expect.stringMatching(/^The goal is SUBMITTED; to mark it exemplary, the goal must be /),
      });
    });
  });

  describe('given an approved goal', () => {
    it('when it is issued with a negative amount, then the refusal names the issued amount at issuedAmount', () => {
      const error = goal(approved)
        .when({ ...issue, issuedAmountFen: -1 })
        .thenThrows(ValidationError);
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.issues).toEqual([
        {
          path: 'issuedAmount',
          zh: expect.stringMatching(/^下达金额 .* 元无效，应不小于 0$/),
          en: expect.stringMatching(/^The issued amount .* must be 0 or more$/),
        },
      ]);
    });

    it('when it is adjusted before issue, then it is refused, naming the action in both languages', () => {
      const error = goal(approved).when(adjust).thenThrows(IllegalStateError);
      expect(refusal(error)).toEqual({
        code: ErrorCode.ILLEGAL_STATE,
        zh: expect.stringContaining('不能调整；只有「已随预算下达」或「已调整」的目标可以调整'),
        en: 'The goal is APPROVED; to adjust it, the goal must be ISSUED or ADJUSTED',
      });
    });

    it('when it is marked exemplary without a reason, then it is refused at reason', () => {
      const error = goal(approved)
        .when({ ...mark, reason: '  ' })
        .thenThrows(ValidationError);
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.issues).toEqual([
        { path: 'reason', zh: '请说明评为样本的理由', en: 'Say why the goal is exemplary' },
      ]);
    });
  });

  describe('given an issued goal', () => {
    it('when it is adjusted to a negative amount, then the refusal names the adjusted amount at amount', () => {
      const error = goal(issued)
        .when({ ...adjust, amountFen: -1 })
        .thenThrows(ValidationError);
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.issues).toEqual([
        {
          path: 'amount',
          zh: expect.stringMatching(/^调整后金额 .* 元无效，应不小于 0$/),
          en: expect.stringMatching(/^The adjusted amount .* must be 0 or more$/),
        },
      ]);
    });
  });
});
