import { ErrorCode, ForbiddenError, given, IllegalStateError, NotFoundError, ValidationError } from '@jixiao/events';
import type { DomainError } from '@jixiao/events';
import { goalDecider, type IndicatorComment, type RecordReviewOpinion, type ReviewGoal } from './goal.decider';
import type { GoalEvent, GoalReviewOpinionRecorded, GoalSubmitted } from './goal.events';
import { departmentApproves, goalSubmitted, reviewed, rules, submittedData } from './goal.fixtures';
import { REVIEWER_ROLE_LABELS } from './goal.review';

/* 审核与联审: the department's review, the joint finance review's opinions and its conclusion. */

const goal = (history: GoalEvent[]) => given(goalDecider, history);
/** What a refusal tells its client: the error's code and the path of each issue. */
const refusal = (error: DomainError) => ({ code: error.code, paths: error.issues.map((i) => i.path) });

const opinion = (
  reviewerRole: string,
  reviewerId: string,
  verdict: 'APPROVE' | 'RETURN' = 'APPROVE',
  change: Partial<RecordReviewOpinion> = {},
): RecordReviewOpinion => ({
  type: 'RecordReviewOpinion',
  goalId: 'g1',
  reviewerRole,
  reviewerId,
  opinion: verdict,
  comment: verdict === 'RETURN' ? '满意度目标偏低' : '',
  indicatorComments: [],
  ...change,
});
const opined = (c: RecordReviewOpinion, round = 1): GoalReviewOpinionRecorded => {
  const { type: _type, ...data } = c;
  return { type: 'GoalReviewOpinionRecorded', data: { ...data, round, reviewerRole: c.reviewerRole as 'EXPERT' } };
};
const onIndicator = (indicatorId: string, comment: string): IndicatorComment => ({ indicatorId, comment });

const inFinanceReview: GoalEvent[] = [goalSubmitted, reviewed('DEPARTMENT', 'APPROVE')];
const allApprove = [
  opined(opinion('BUDGET_SECTION', 'b1')),
  opined(opinion('PERFORMANCE_SECTION', 'p1')),
  opined(opinion('EXPERT', 'e1')),
];
const conclude: ReviewGoal = { ...departmentApproves, reviewerRole: 'PERFORMANCE_SECTION' };
/** Round 2: returned by the joint review in round 1, resubmitted straight to it. */
const resubmitted: GoalSubmitted = {
  type: 'GoalSubmitted',
  data: { ...submittedData, submission: 2, departmentReview: false },
};
const round2: GoalEvent[] = [...inFinanceReview, ...allApprove, reviewed('FINANCE', 'RETURN', 1, '量化'), resubmitted];

describe('joint-review opinions (联审意见)', () => {
  describe('given no goal', () => {
    it('when an expert gives an opinion, then it is NOT_FOUND', () => {
      const error = goal([]).when(opinion('EXPERT', 'e1')).thenThrows(NotFoundError, /g1/);
      expect(error.code).toBe(ErrorCode.NOT_FOUND);
    });
  });

  describe('given a goal still with its department', () => {
    it('when an expert gives an opinion, then it is refused, naming the state and the joint review', () => {
      const error = goal([goalSubmitted]).when(opinion('EXPERT', 'e1')).thenThrows(IllegalStateError);
      expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
      expect(error.zh).toContain('「已提交，待主管部门审核」');
      expect(error.zh).toContain('「财政联审中」');
      expect(error.zh).toContain('不能提出联审意见');
      expect(error.en).toContain('to give a joint-review opinion, the goal must be FINANCE_REVIEW');
    });
  });

  describe('given a goal in the joint review', () => {
    it.each(['BUDGET_SECTION', 'PERFORMANCE_SECTION', 'EXPERT'])(
      'when the %s gives an opinion, then it is recorded under that role for round 1',
      (role) => {
        const [event] = goal(inFinanceReview)
          .when(opinion(role, 'x1'))
          .then([opined(opinion(role, 'x1'))]);
        expect(event).toMatchObject({ data: { reviewerRole: role, round: 1 } });
      },
    );

    it('when the department gives an opinion, then it is FORBIDDEN, naming the role in Chinese', () => {
      const error = goal(inFinanceReview).when(opinion('DEPARTMENT', 'd1')).thenThrows(ForbiddenError);
      expect(error.code).toBe(ErrorCode.FORBIDDEN);
      expect(error.zh).toContain('「主管部门」不能提出');
      expect(error.en).toContain('not DEPARTMENT');
    });

    it('when a role without a Chinese name gives an opinion, then the refusal names the role as given', () => {
      const error = goal(inFinanceReview).when(opinion('NPC', 'n1')).thenThrows(ForbiddenError);
      expect(error.zh).toContain('「NPC」不能提出');
    });

    it('when the same member gives a second opinion, then it is refused as ILLEGAL_STATE', () => {
      const error = goal([...inFinanceReview, opined(opinion('EXPERT', 'e1'))])
        .when(opinion('EXPERT', 'e1', 'RETURN'))
        .thenThrows(IllegalStateError, /第 1 轮/);
      expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
    });

    it("when other members give theirs after an expert's, then the earlier opinion does not block them", () => {
      const history = [...inFinanceReview, opined(opinion('EXPERT', 'e1', 'RETURN'))];
      goal(history)
        .when(opinion('BUDGET_SECTION', 'b1'))
        .then([opined(opinion('BUDGET_SECTION', 'b1'))]);
      goal(history)
        .when(opinion('EXPERT', 'e2'))
        .then([opined(opinion('EXPERT', 'e2'))]);
    });

    it('when an opinion asks for a return without any reason, then it is refused at comment', () => {
      for (const comment of ['', '   ']) {
        const error = goal(inFinanceReview)
          .when(opinion('EXPERT', 'e1', 'RETURN', { comment }))
          .thenThrows(ValidationError, /退回须说明原因/);
        expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['comment'] });
      }
    });

    it('when an opinion approves without a comment, then it is recorded', () => {
      const approve = opinion('EXPERT', 'e1', 'APPROVE', { comment: '' });
      goal(inFinanceReview)
        .when(approve)
        .then([opined(approve)]);
    });

    it("when a return's only reason is a comment on an indicator, then it is recorded", () => {
      const returnOnIndicator = opinion('EXPERT', 'e1', 'RETURN', {
        comment: '',
        indicatorComments: [onIndicator('i3', '效益指标不可衡量')],
      });
      goal(inFinanceReview)
        .when(returnOnIndicator)
        .then([opined(returnOnIndicator)]);
    });

    it('when indicator comments name an indicator the goal does not have, or say nothing, then each is refused at its path', () => {
      const error = goal(inFinanceReview)
        .when(
          opinion('EXPERT', 'e1', 'RETURN', {
            comment: '',
            indicatorComments: [onIndicator('i1', '  '), onIndicator('i9', '偏低'), onIndicator('i2', '合理')],
          }),
        )
        .thenThrows(ValidationError);
      expect(refusal(error)).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['indicatorComments[0].comment', 'indicatorComments[1].indicatorId'],
      });
      expect(error.issues[1]!.zh).toContain('「i9」');
    });

    it('when one indicator comment is both unknown and blank, then both of its problems are reported', () => {
      const error = goal(inFinanceReview)
        .when(opinion('BUDGET_SECTION', 'b1', 'APPROVE', { indicatorComments: [onIndicator('zz', '')] }))
        .thenThrows(ValidationError);
      expect(refusal(error)).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['indicatorComments[0].indicatorId', 'indicatorComments[0].comment'],
      });
    });
  });

  describe('given a goal resubmitted after a return (round 2)', () => {
    it('when a member who gave an opinion in round 1 gives one again, then it is recorded for round 2', () => {
      goal(round2)
        .when(opinion('EXPERT', 'e1'))
        .then([opined(opinion('EXPERT', 'e1'), 2)]);
    });

    it('when a member gives a second opinion in round 2, then the refusal names round 2', () => {
      goal([...round2, opined(opinion('EXPERT', 'e1'), 2)])
        .when(opinion('EXPERT', 'e1'))
        .thenThrows(IllegalStateError, /第 2 轮.*round 2/);
    });
  });
});

describe('review (审核)', () => {
  describe('given a goal with its department', () => {
    it('when the department returns it without a reason, then it is refused at comment', () => {
      const error = goal([goalSubmitted])
        .when({ ...departmentApproves, result: 'RETURN', comment: ' ' })
        .thenThrows(ValidationError);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['comment'] });
    });

    it("when the department's only reason is a comment on an indicator, then the goal is returned, with no rule profile", () => {
      const indicatorComments = [onIndicator('i4', '满意度目标值偏低')];
      goal([goalSubmitted])
        .when({ ...departmentApproves, result: 'RETURN', indicatorComments })
        .then([
          {
            ...reviewed('DEPARTMENT', 'RETURN'),
            data: { ...reviewed('DEPARTMENT', 'RETURN').data, indicatorComments },
          },
        ]);
    });

    it('when the department comments on an indicator the goal does not have, then it is refused at that comment', () => {
      const error = goal([goalSubmitted])
        .when({ ...departmentApproves, indicatorComments: [onIndicator('i1', '可'), onIndicator('i7', '补充')] })
        .thenThrows(ValidationError);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['indicatorComments[1].indicatorId'] });
    });

    it('when the performance section reviews it, then it is FORBIDDEN, naming the department stage', () => {
      const error = goal([goalSubmitted])
        .when({ ...departmentApproves, reviewerRole: 'PERFORMANCE_SECTION' })
        .thenThrows(ForbiddenError);
      expect(error.code).toBe(ErrorCode.FORBIDDEN);
      expect(error.zh).toContain('主管部门审核阶段，应由主管部门审核，「绩效科」不能审核');
      expect(error.en).toContain('At the DEPARTMENT stage the goal is reviewed by DEPARTMENT, not PERFORMANCE_SECTION');
    });

    it('when it is concluded, then the missing joint-review opinions are not asked for', () => {
      const strict = { ...departmentApproves, rules: { ...rules, jointReviewRoles: ['EXPERT'] } };
      goal([goalSubmitted])
        .when(strict)
        .then([reviewed('DEPARTMENT', 'APPROVE')]);
    });
  });

  describe('given a goal in the joint review', () => {
    it('when the budget section concludes it, then it is FORBIDDEN, naming the joint-review stage', () => {
      const error = goal([...inFinanceReview, ...allApprove])
        .when({ ...conclude, reviewerRole: 'BUDGET_SECTION' })
        .thenThrows(ForbiddenError);
      expect(error.zh).toContain('财政联审阶段，应由绩效科审核，「预算科」不能审核');
      expect(error.en).toContain(
        'At the FINANCE stage the goal is reviewed by PERFORMANCE_SECTION, not BUDGET_SECTION',
      );
    });

    it('when it is concluded with only the experts heard, then the refusal names each member missing, and only them', () => {
      const history = [...inFinanceReview, opined(opinion('EXPERT', 'e1')), opined(opinion('EXPERT', 'e2'))];
      const error = goal(history).when(conclude).thenThrows(IllegalStateError);
      expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
      expect(error.zh).toContain('缺少预算科、绩效科的意见');
      expect(error.en).toContain('no opinion yet from BUDGET_SECTION, PERFORMANCE_SECTION');
    });

    it('when one member has not been heard, then it is refused naming that member alone', () => {
      const error = goal([...inFinanceReview, ...allApprove.slice(1)])
        .when({ ...conclude, result: 'RETURN', comment: '退回' })
        .thenThrows(IllegalStateError);
      expect(error.en).toMatch(/no opinion yet from BUDGET_SECTION$/);
    });

    it("when it is returned after a member's RETURN opinion, then the return is recorded with the rule profile", () => {
      const history = [...inFinanceReview, ...allApprove.slice(0, 2), opined(opinion('EXPERT', 'e1', 'RETURN'))];
      goal(history)
        .when({ ...conclude, result: 'RETURN', comment: '按专家意见退回' })
        .then([reviewed('FINANCE', 'RETURN', 1, '按专家意见退回')]);
    });

    it("when it is approved over a member's RETURN opinion, then it is refused as ILLEGAL_STATE", () => {
      const history = [...inFinanceReview, opined(opinion('BUDGET_SECTION', 'b1', 'RETURN')), ...allApprove.slice(1)];
      const error = goal(history)
        .when(conclude)
        .thenThrows(IllegalStateError, /退回意见/);
      expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
    });

    it('when it is returned without a reason, then it is refused at comment even though every member was heard', () => {
      const error = goal([...inFinanceReview, ...allApprove])
        .when({ ...conclude, result: 'RETURN' })
        .thenThrows(ValidationError);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['comment'] });
    });

    it('when the conclusion comments on an unknown indicator, then it is refused at that comment', () => {
      const error = goal([...inFinanceReview, ...allApprove])
        .when({ ...conclude, indicatorComments: [onIndicator('nope', '好')] })
        .thenThrows(ValidationError);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['indicatorComments[0].indicatorId'] });
    });
  });

  describe('given a goal resubmitted straight to the joint review (round 2)', () => {
    it('when round 1 opinions exist, then they do not count: the conclusion waits for fresh ones', () => {
      goal(round2)
        .when(conclude)
        .thenThrows(IllegalStateError, /缺少预算科、绩效科、专家的意见/);
    });

    it('when every member has given a fresh opinion, then it is approved in round 2', () => {
      const fresh = allApprove.map((e) => ({ ...e, data: { ...e.data, round: 2 } }));
      goal([...round2, ...fresh])
        .when(conclude)
        .then([{ ...reviewed('FINANCE', 'APPROVE', 2) }]);
    });
  });

  describe('given a goal not under review', () => {
    it('when it is reviewed, then it is refused naming both states a review needs', () => {
      const approved = [...inFinanceReview, ...allApprove, reviewed('FINANCE', 'APPROVE')];
      const error = goal(approved).when(conclude).thenThrows(IllegalStateError);
      expect(error.zh).toContain('「已提交，待主管部门审核」或「财政联审中」');
      expect(error.zh).toContain('不能审核；');
      expect(error.en).toContain('to review it, the goal must be SUBMITTED or FINANCE_REVIEW');
      goal([]).when(conclude).thenThrows(NotFoundError);
    });
  });
});

describe('reviewer role labels', () => {
  it('are the Chinese names of the four reviewing roles', () => {
    expect(REVIEWER_ROLE_LABELS).toEqual({
      DEPARTMENT: '主管部门',
      BUDGET_SECTION: '预算科',
      PERFORMANCE_SECTION: '绩效科',
      EXPERT: '专家',
    });
  });
});
