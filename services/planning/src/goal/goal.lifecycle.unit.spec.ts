import {
  EventCatalog,
  planningEvents,
  ForbiddenError,
  given,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '@jixiao/events';
import type { RecordedEvent } from '@jixiao/events';
import {
  goalDecider,
  type AdjustGoal,
  type DraftGoal,
  type GoalCommand,
  type RecordReviewOpinion,
  type ReviewGoal,
} from './goal.decider';
import type { GoalEvent, GoalReviewOpinionRecorded } from './goal.events';
import {
  departmentApproves,
  goalSubmitted,
  onTime,
  roadLength,
  reviewed,
  rules,
  satisfaction,
  submitGoal,
  submittedData,
  travel,
} from './goal.fixtures';

const catalog = new EventCatalog(planningEvents);

const goal = (history: GoalEvent[]) => given(goalDecider, history);
const { type: _t, departmentReview: _d, rules: _r, existingGoalId, ...content } = submitGoal;
const draft: DraftGoal = {
  ...content,
  existingGoalId,
  type: 'DraftGoal',
  projectId: 'p1',
  indicators: [roadLength],
  copiedFromGoalId: null,
};
const drafted: GoalEvent = {
  type: 'GoalDrafted',
  data: { ...content, projectId: 'p1', indicators: [roadLength], copiedFromGoalId: null },
};
const withAll: GoalEvent[] = [
  drafted,
  ...[onTime, travel, satisfaction].map((indicator): GoalEvent => ({
    type: 'IndicatorAdded',
    data: { goalId: 'g1', indicator },
  })),
];
const opinion = (
  reviewerRole: string,
  reviewerId: string,
  verdict: 'APPROVE' | 'RETURN' = 'APPROVE',
): RecordReviewOpinion => ({
  type: 'RecordReviewOpinion',
  goalId: 'g1',
  reviewerRole,
  reviewerId,
  opinion: verdict,
  comment: verdict === 'RETURN' ? '满意度目标偏低' : '',
  indicatorComments: [],
});
const opined = (c: RecordReviewOpinion, round = 1): GoalReviewOpinionRecorded => {
  const { type: _type, ...data } = c;
  return { type: 'GoalReviewOpinionRecorded', data: { ...data, round, reviewerRole: c.reviewerRole as 'EXPERT' } };
};
const inFinanceReview: GoalEvent[] = [goalSubmitted, reviewed('DEPARTMENT', 'APPROVE')];
const allOpinions = [
  opined(opinion('BUDGET_SECTION', 'b1')),
  opined(opinion('PERFORMANCE_SECTION', 'p1')),
  opined(opinion('EXPERT', 'e1')),
];
const conclude: ReviewGoal = { ...departmentApproves, reviewerRole: 'PERFORMANCE_SECTION' };
const approved: GoalEvent[] = [...inFinanceReview, ...allOpinions, reviewed('FINANCE', 'APPROVE')];
const issued: GoalEvent[] = [
  ...approved,
  { type: 'GoalIssued', data: { goalId: 'g1', budgetDocument: '天财预〔2023〕1号', issuedAmountFen: 3_600_000_000 } },
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
const { type: _adjust, indicatorCatalogueVersion: _version, ...adjustData } = adjust;

describe('goal lifecycle', () => {
  describe('a draft', () => {
    it('may start incomplete, and is checked in full when submitted', () => {
      goal([]).when(draft).then([drafted]);
      const error = goal([drafted])
        .when({ type: 'SubmitDraft', goalId: 'g1', departmentReview: true, rules })
        .thenThrows(ValidationError);
      expect(error.issues.map((i) => i.zh).join()).toMatch(/至少需要 3 个.*缺少效益指标/);
    });

    it('grows indicators and goes to the department when the unit has one', () => {
      goal(withAll)
        .when({ type: 'SubmitDraft', goalId: 'g1', departmentReview: true, rules })
        .then([
          { type: 'GoalSubmitted', data: { ...submittedData, indicators: [roadLength, onTime, travel, satisfaction] } },
        ]);
    });

    it('goes straight to the joint finance review for a first-level unit', () => {
      const [event] = goal(withAll)
        .when({ type: 'SubmitDraft', goalId: 'g1', departmentReview: false, rules })
        .then([{ type: 'GoalSubmitted', data: { ...submittedData, departmentReview: false } }]);
      expect(goalDecider.evolve(goalDecider.initialState(), event!).status).toBe('FINANCE_REVIEW');
    });

    it('refuses a COST indicator where the profile still uses the 2020 catalogue', () => {
      const cost = {
        ...roadLength,
        indicatorId: 'c1',
        level1: 'COST' as const,
        level2: 'ECONOMIC_COST',
        name: '单位造价',
      };
      const old = { ...rules, indicatorCatalogueVersion: '2020' as const };
      const error = goal([])
        .when({ ...submitGoal, indicators: [...submitGoal.indicators, cost], rules: old })
        .thenThrows(ValidationError);
      expect(error.issues).toEqual([
        expect.objectContaining({ path: 'indicators[4].level1', zh: expect.stringContaining('2020') }),
      ]);
    });

    it('refuses an indicator id it already has, and removing one it does not', () => {
      goal(withAll).when({ type: 'AddIndicator', goalId: 'g1', indicator: onTime }).thenThrows(ValidationError, /i2/);
      goal(withAll)
        .when({ type: 'RemoveIndicator', goalId: 'g1', indicatorId: 'zz', reason: '重复' })
        .thenThrows(NotFoundError);
    });
  });

  describe('when submitted to the department', () => {
    it('cannot be edited, and the refusal names the state', () => {
      goal([goalSubmitted])
        .when({ type: 'ReviseIndicator', goalId: 'g1', indicator: travel, reason: '补充' })
        .thenThrows(IllegalStateError, /已提交，待主管部门审核/);
    });

    it('is reviewed only by the department', () => {
      goal([goalSubmitted])
        .when({ ...departmentApproves, reviewerRole: 'BUDGET_UNIT' })
        .thenThrows(ForbiddenError, /主管部门/);
    });

    it('passes to the joint finance review when the department approves', () => {
      const [event] = goal([goalSubmitted])
        .when(departmentApproves)
        .then([reviewed('DEPARTMENT', 'APPROVE')]);
      const state = [goalSubmitted, event!].reduce(goalDecider.evolve, goalDecider.initialState());
      expect(state.status).toBe('FINANCE_REVIEW');
    });

    it('can be returned with a reason only', () => {
      goal([goalSubmitted])
        .when({ ...departmentApproves, result: 'RETURN' })
        .thenThrows(ValidationError, /退回须说明原因/);
    });
  });

  describe('in the joint finance review', () => {
    it('records one opinion per member per round', () => {
      goal(inFinanceReview)
        .when(opinion('EXPERT', 'e1'))
        .then([opined(opinion('EXPERT', 'e1'))]);
      goal([...inFinanceReview, opined(opinion('EXPERT', 'e1'))])
        .when(opinion('EXPERT', 'e1'))
        .thenThrows(IllegalStateError, /第 1 轮/);
    });

    it('takes opinions only from the budget section, performance section and experts', () => {
      goal(inFinanceReview).when(opinion('NPC', 'n1')).thenThrows(ForbiddenError);
    });

    it('cannot conclude before every required member has given an opinion, and names who is missing', () => {
      const error = goal([...inFinanceReview, opined(opinion('EXPERT', 'e1'))])
        .when(conclude)
        .thenThrows(IllegalStateError);
      expect(error.zh).toContain('预算科、绩效科');
      expect(error.en).toContain('BUDGET_SECTION, PERFORMANCE_SECTION');
    });

    it('needs only the members the rule profile lists', () => {
      const lighter = { ...conclude, rules: { ...rules, jointReviewRoles: ['PERFORMANCE_SECTION'] } };
      goal([...inFinanceReview, opined(opinion('PERFORMANCE_SECTION', 'p1'))])
        .when(lighter)
        .then([{ ...reviewed('FINANCE', 'APPROVE') }]);
    });

    it('is concluded by the performance section only', () => {
      goal([...inFinanceReview, ...allOpinions])
        .when({ ...conclude, reviewerRole: 'BUDGET_SECTION' })
        .thenThrows(ForbiddenError, /绩效科/);
    });

    it('cannot be approved over a member asking for a return', () => {
      const history = [...inFinanceReview, ...allOpinions.slice(0, 2), opined(opinion('EXPERT', 'e1', 'RETURN'))];
      goal(history)
        .when(conclude)
        .thenThrows(IllegalStateError, /退回意见/);
    });

    it('is approved, recording the rule profile that set the required members', () => {
      const [event] = goal([...inFinanceReview, ...allOpinions])
        .when(conclude)
        .then([reviewed('FINANCE', 'APPROVE')]);
      expect(event).toMatchObject({ data: { ruleProfile: rules.ref } });
    });
  });

  describe('after a return', () => {
    const returned = [...inFinanceReview, ...allOpinions, reviewed('FINANCE', 'RETURN', 1, '效益指标不可衡量')];
    const revised: GoalEvent = {
      type: 'IndicatorRevised',
      data: { goalId: 'g1', indicator: { ...travel, targetText: '行车时间缩短 20 分钟' }, reason: '按联审意见量化' },
    };

    it('lets the unit revise and resubmit as round 2, with fresh opinions', () => {
      goal(returned)
        .when({ type: 'ReviseIndicator', ...revised.data } as GoalCommand)
        .then([revised]);
      const [event] = goal([...returned, revised])
        .when({ type: 'SubmitDraft', goalId: 'g1', departmentReview: true, rules })
        .then([expect.objectContaining({ type: 'GoalSubmitted', data: expect.objectContaining({ submission: 2 }) })]);
      const state = [...returned, revised, event!].reduce(goalDecider.evolve, goalDecider.initialState());
      expect(state).toMatchObject({ status: 'SUBMITTED', submissions: 2, opinions: [] });
    });

    it('cannot be reviewed until it is resubmitted', () => {
      goal(returned)
        .when(departmentApproves)
        .thenThrows(IllegalStateError, /已退回修改/);
    });
  });

  describe('once approved', () => {
    it('is issued with the budget reply, which must be named', () => {
      goal(approved)
        .when({ type: 'IssueGoal', goalId: 'g1', budgetDocument: ' ', issuedAmountFen: 1 })
        .thenThrows(ValidationError, /批复文号/);
      goal(approved)
        .when({ type: 'IssueGoal', goalId: 'g1', budgetDocument: '天财预〔2023〕1号', issuedAmountFen: 3_600_000_000 })
        .then([issued[issued.length - 1]!]);
    });

    it('changes only through a budget adjustment, after issue, counting each', () => {
      goal(approved)
        .when(adjust)
        .thenThrows(IllegalStateError, /已批准/);
      goal(issued)
        .when({ ...adjust, budgetAdjustmentRef: '' })
        .thenThrows(ValidationError, /预算调整文号/);
      const [first] = goal(issued)
        .when(adjust)
        .then([{ type: 'GoalAdjusted', data: { ...adjustData, adjustmentCount: 1 } }]);
      goal([...issued, first!])
        .when(adjust)
        .then([{ type: 'GoalAdjusted', data: { ...adjustData, adjustmentCount: 2 } }]);
    });

    it('refuses an adjustment whose indicators the catalogue in force does not have', () => {
      const cost = {
        ...roadLength,
        indicatorId: 'c1',
        level1: 'COST' as const,
        level2: 'ECONOMIC_COST',
        name: '单位造价',
      };
      goal(issued)
        .when({ ...adjust, indicators: [...adjust.indicators, cost], indicatorCatalogueVersion: '2020' })
        .thenThrows(ValidationError, /2020/);
    });

    it('is marked exemplary once', () => {
      const mark = { type: 'MarkGoalExemplary' as const, goalId: 'g1', reason: '指标量化充分' };
      const [event] = goal(approved)
        .when(mark)
        .then([{ type: 'GoalMarkedExemplary', data: { goalId: 'g1', reason: mark.reason } }]);
      goal([...approved, event!])
        .when(mark)
        .thenThrows(IllegalStateError, /已是精品样本/);
      goal([goalSubmitted])
        .when(mark)
        .thenThrows(IllegalStateError, /已提交/);
    });

    it('cannot be edited or resubmitted', () => {
      goal(approved)
        .when({ type: 'SubmitDraft', goalId: 'g1', departmentReview: true, rules })
        .thenThrows(IllegalStateError, /已批准/);
      goal(approved)
        .when({ type: 'RemoveIndicator', goalId: 'g1', indicatorId: 'i1', reason: 'x' })
        .thenThrows(IllegalStateError);
    });
  });

  describe('events of schema v1', () => {
    const stored = (type: string, data: unknown, v: number): RecordedEvent =>
      ({ type, data, schemaVersion: 1, streamVersion: v }) as unknown as RecordedEvent;
    const {
      ruleProfile: _p,
      submission: _s,
      departmentReview: _dr,
      indicatorCatalogueVersion: _c,
      projectId: _pid,
      amountFen: _fen,
      ...rest
    } = submittedData;
    // v1 and v2 held the amount as yuan in a float
    const v1 = { ...rest, amount: 36_000_000 };

    it("are upcast to today's shape and fold to the same lifecycle", () => {
      const history = [
        catalog.upcast(stored('GoalSubmitted', v1, 1)),
        catalog.upcast(
          stored(
            'GoalReviewed',
            {
              goalId: 'g1',
              round: 1,
              reviewerRole: 'PERFORMANCE_SECTION',
              result: 'APPROVE',
              comment: '',
              indicatorComments: [],
            },
            2,
          ),
        ),
      ];
      history.forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
      const state = history.reduce((s, e) => goalDecider.evolve(s, e as GoalEvent), goalDecider.initialState());
      expect(state).toMatchObject({ status: 'APPROVED', submissions: 1 });
      expect(history[0]!.data).toMatchObject({ projectId: null, departmentReview: false, ruleProfile: null });
      expect(history[0]!.data).toMatchObject({ amountFen: 3_600_000_000 });
      expect(history[0]!.data).not.toHaveProperty('amount');
    });
  });
});
