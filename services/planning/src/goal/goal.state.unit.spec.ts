import { ErrorCode, given, NotFoundError } from '@jixiao/events';
import { goalDecider, type GoalState } from './goal.decider';
import type { GoalEvent } from './goal.events';
import { goalSubmitted, onTime, reviewed, roadLength, rules, satisfaction, submitGoal, travel } from './goal.fixtures';

const goal = (history: GoalEvent[]) => given(goalDecider, history);
const fold = (history: GoalEvent[]): GoalState => history.reduce(goalDecider.evolve, goalDecider.initialState());

const { type: _t, departmentReview: _d, rules: _r, existingGoalId: _e, indicators: _i, ...content } = submitGoal;
const drafted: GoalEvent = {
  type: 'GoalDrafted',
  data: { ...content, projectId: 'p1', indicators: [roadLength], copiedFromGoalId: null },
};
const added = (indicator: typeof roadLength): GoalEvent => ({
  type: 'IndicatorAdded',
  data: { goalId: 'g1', indicator },
});
const withAll: GoalEvent[] = [drafted, added(onTime), added(travel), added(satisfaction)];
const submitDraft = { type: 'SubmitDraft' as const, goalId: 'g1', departmentReview: true, rules };
const submittedWith = (indicators: (typeof roadLength)[]) =>
  expect.objectContaining({ type: 'GoalSubmitted', data: expect.objectContaining({ indicators }) });

describe('goal state (the fold every goal decision reads)', () => {
  it('given a new draft, then it holds the drafted content and indicators, no opinions, no adjustments', () => {
    expect(fold([drafted])).toEqual({
      status: 'DRAFT',
      content: { ...content, projectId: 'p1' },
      indicators: [roadLength],
      submissions: 0,
      opinions: [],
      exemplary: false,
      adjustmentCount: 0,
    });
  });

  describe('given a draft with four indicators', () => {
    it('when one is removed, then the submission carries only the other three, in order', () => {
      const removed: GoalEvent = {
        type: 'IndicatorRemoved',
        data: { goalId: 'g1', indicatorId: onTime.indicatorId, reason: '与其他指标重复' },
      };
      goal([...withAll, removed])
        .when(submitDraft)
        .then([submittedWith([roadLength, travel, satisfaction])]);
    });

    it('when one is revised, then the submission carries the revision in its place and the others unchanged', () => {
      const quantified = { ...travel, targetText: '行车时间缩短 20 分钟' };
      const revised: GoalEvent = {
        type: 'IndicatorRevised',
        data: { goalId: 'g1', indicator: quantified, reason: '按联审意见量化' },
      };
      goal([...withAll, revised])
        .when(submitDraft)
        .then([submittedWith([roadLength, onTime, quantified, satisfaction])]);
    });
  });

  it('given an issued goal, when it is adjusted, then it holds the adjusted amount and indicators beside its content', () => {
    const issued: GoalEvent = {
      type: 'GoalIssued',
      data: { goalId: 'g1', budgetDocument: '天财预〔2023〕1号', issuedAmountFen: 3_600_000_000 },
    };
    const indicators = [{ ...roadLength, targetValue: 130 }, onTime, travel];
    const adjusted: GoalEvent = {
      type: 'GoalAdjusted',
      data: {
        goalId: 'g1',
        budgetAdjustmentRef: '天财预调〔2023〕12号',
        reason: '追加 10 公里',
        amountFen: 3_900_000_000,
        indicators,
        adjustmentCount: 1,
      },
    };
    const state = fold([
      goalSubmitted,
      reviewed('DEPARTMENT', 'APPROVE'),
      reviewed('FINANCE', 'APPROVE'),
      issued,
      adjusted,
    ]);
    expect(state).toMatchObject({ status: 'ADJUSTED', indicators, adjustmentCount: 1 });
    expect(state.content).toEqual({ ...content, amountFen: 3_900_000_000 });
  });

  it('given any goal, when an event of a type it does not know is folded, then the state is left as it was', () => {
    const state = fold([drafted]);
    expect(goalDecider.evolve(state, { type: 'GoalArchived', data: { goalId: 'g1' } } as unknown as GoalEvent)).toBe(
      state,
    );
  });

  it('given no goal, when it is issued, then it is refused as not found, naming the goal', () => {
    const error = goal([])
      .when({ type: 'IssueGoal', goalId: 'g1', budgetDocument: '天财预〔2023〕1号', issuedAmountFen: 1 })
      .thenThrows(NotFoundError);
    expect(error.code).toBe(ErrorCode.NOT_FOUND);
    expect(error).toMatchObject({ zh: '绩效目标 g1 不存在', en: 'Goal g1 does not exist' });
  });
});
