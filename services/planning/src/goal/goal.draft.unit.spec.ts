import { ErrorCode, given, IllegalStateError, NotFoundError, ValidationError } from '@jixiao/events';
import { goalDecider } from './goal.decider';
import type { GoalEvent } from './goal.events';
import { goalSubmitted, roadLength, rules, submitGoal, submittedData } from './goal.fixtures';

const goal = (history: GoalEvent[] = []) => given(goalDecider, history);
const paths = (error: ValidationError) => error.issues.map((i) => i.path);

const { type: _t, departmentReview: _d, rules: _r, existingGoalId: _e, ...content } = submitGoal;
const drafted: GoalEvent = {
  type: 'GoalDrafted',
  data: { ...content, projectId: 'p1', indicators: [roadLength], copiedFromGoalId: null },
};
const draftGoal = { ...submitGoal, type: 'DraftGoal' as const, projectId: 'p1', copiedFromGoalId: null };

describe('goal drafts and their indicators', () => {
  describe('given a goal without a project', () => {
    const withoutProject = { ...submitGoal, projectId: null };

    it('when a goal of the term is already on record, then it is accepted (only a project has one goal per term)', () => {
      goal()
        .when({ ...withoutProject, existingGoalId: 'g0' })
        .then([{ type: 'GoalSubmitted', data: { ...submittedData, projectId: null } }]);
    });

    it('when it is submitted again on its own stream, then it is refused as existing, naming the goal and status', () => {
      const error = goal([goalSubmitted])
        .when(withoutProject)
        .thenThrows(IllegalStateError, /绩效目标 g1 已存在，当前状态为「/);
      expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
      expect(error.en).toBe('Goal g1 already exists and is SUBMITTED');
    });
  });

  it('given a project with a medium-term goal, when another is submitted, then the refusal names a medium-term goal in both languages', () => {
    const error = goal()
      .when({ ...submitGoal, term: 'MEDIUM_TERM', existingGoalId: 'g0' })
      .thenThrows(IllegalStateError, /已有中期目标（目标 g0）/);
    expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
    expect(error.en).toContain('Project JT-2023-001 already has a medium-term goal (goal g0)');
    expect(error.en).not.toContain('annual');
  });

  describe('when a draft is saved', () => {
    it('then a draft with a broken header or indicator is refused, each problem with its path', () => {
      const error = goal()
        .when({ ...draftGoal, amountFen: -1, indicators: [{ ...roadLength, points: -1 }] })
        .thenThrows(ValidationError);
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(paths(error)).toEqual(['amount', 'indicators[0].points']);
    });

    it('then a well-formed draft of fewer than 3 indicators is recorded', () => {
      goal()
        .when({ ...draftGoal, indicators: [roadLength] })
        .then([drafted]);
    });
  });

  describe('given a submitted goal', () => {
    it('when the draft is submitted again, then it is refused, saying only a draft or returned goal can be submitted', () => {
      const error = goal([goalSubmitted])
        .when({ type: 'SubmitDraft', goalId: 'g1', departmentReview: true, rules })
        .thenThrows(IllegalStateError, /不能提交；只有「.*」或「.*」的目标可以提交/);
      expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
      expect(error.en).toBe('The goal is SUBMITTED; to submit it, the goal must be DRAFT or RETURNED');
    });

    it('when an indicator is revised, then it is refused, pointing to a budget adjustment after approval', () => {
      const error = goal([goalSubmitted])
        .when({ type: 'ReviseIndicator', goalId: 'g1', indicator: roadLength, reason: '追加 10 公里' })
        .thenThrows(IllegalStateError, /不能修改指标（批准后的调整须通过预算调整办理）/);
      expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
      expect(error.en).toContain('to edit its indicators (after approval only a budget adjustment changes them)');
    });
  });

  describe('given a draft', () => {
    it('when an indicator is removed without a reason, then it is refused on the reason', () => {
      const error = goal([drafted])
        .when({ type: 'RemoveIndicator', goalId: 'g1', indicatorId: 'i1', reason: '   ' })
        .thenThrows(ValidationError, /请填写修改原因/);
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.issues).toEqual([{ path: 'reason', zh: '请填写修改原因', en: 'The reason is empty; say why' }]);
    });

    it('when an indicator is revised without a reason, then it is refused on the reason', () => {
      const error = goal([drafted])
        .when({ type: 'ReviseIndicator', goalId: 'g1', indicator: { ...roadLength, targetValue: 130 }, reason: '' })
        .thenThrows(ValidationError, /请填写修改原因/);
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(paths(error)).toEqual(['reason']);
    });

    it('when an indicator is revised into a malformed one, then it is refused on the indicator', () => {
      const error = goal([drafted])
        .when({ type: 'ReviseIndicator', goalId: 'g1', indicator: { ...roadLength, points: -1 }, reason: '调整分值' })
        .thenThrows(ValidationError);
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(paths(error)).toEqual(['indicator.points']);
    });

    it('when an indicator it does not have is removed, then it is not found, naming the goal and the indicator', () => {
      const error = goal([drafted])
        .when({ type: 'RemoveIndicator', goalId: 'g1', indicatorId: 'nope', reason: '重复' })
        .thenThrows(NotFoundError, /目标 g1 中没有指标「nope」/);
      expect(error.code).toBe(ErrorCode.NOT_FOUND);
      expect(error.en).toBe('Goal g1 has no indicator "nope"; check the indicator id');
    });
  });
});
