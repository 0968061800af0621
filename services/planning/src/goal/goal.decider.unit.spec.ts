import { catalog, given, IllegalStateError, NotFoundError, ValidationError } from '@jixiao/events';
import { goalDecider, goalStreamId, type ReviewGoal, type ReviseIndicator, type SubmitGoal } from './goal.decider';
import type { GoalEvent, GoalReviewed, GoalSubmitted, Indicator, IndicatorRevised } from './goal.events';

const roadLength: Indicator = {
  indicatorId: 'i1',
  level1: 'OUTPUT',
  level2: 'QUANTITY',
  name: '改造农村公路里程',
  operator: '>=',
  targetValue: 120,
  targetText: null,
  unit: '公里',
  points: 30,
  basis: 'PLAN',
  core: true,
  templateId: null,
};
const onTime: Indicator = {
  ...roadLength,
  indicatorId: 'i2',
  level2: 'TIMELINESS',
  name: '按期完工率',
  targetValue: 100,
  unit: '%',
  points: 20,
  core: false,
};
const travel: Indicator = {
  ...roadLength,
  indicatorId: 'i3',
  level1: 'BENEFIT',
  level2: 'SOCIAL',
  name: '群众出行条件',
  operator: 'QUALITATIVE',
  targetValue: null,
  targetText: '明显改善',
  unit: '',
  points: 30,
};
const satisfaction: Indicator = {
  ...roadLength,
  indicatorId: 'i4',
  level1: 'SATISFACTION',
  level2: 'BENEFICIARY',
  name: '沿线群众满意度',
  targetValue: 90,
  unit: '%',
  points: 20,
  basis: 'HISTORICAL',
};

const submitGoal: SubmitGoal = {
  type: 'SubmitGoal',
  goalId: 'g1',
  unitId: 'u-transport',
  projectCode: 'JT-2023-001',
  projectName: '农村公路提档升级',
  fiscalYear: 2023,
  divisionCode: '429006',
  term: 'ANNUAL',
  overallGoal: '完成 120 公里农村公路提档升级，改善沿线群众出行条件',
  amount: 36_000_000,
  indicators: [roadLength, onTime, travel, satisfaction],
};
const { type: _submit, ...submittedData } = submitGoal;
const goalSubmitted: GoalSubmitted = { type: 'GoalSubmitted', data: submittedData };

const reviseTravel: ReviseIndicator = {
  type: 'ReviseIndicator',
  goalId: 'g1',
  indicator: { ...travel, targetText: '行车时间平均缩短 20 分钟' },
  reason: '财政审核意见：目标应可衡量',
};
const approve: ReviewGoal = {
  type: 'ReviewGoal',
  goalId: 'g1',
  reviewerRole: 'PERFORMANCE_SECTION',
  result: 'APPROVE',
  comment: '',
  indicatorComments: [],
};
const returnForRework: ReviewGoal = { ...approve, result: 'RETURN', comment: '效益指标不够具体' };
const reviewed = (review: ReviewGoal, round = 1): GoalReviewed => {
  const { type: _review, ...data } = review;
  return { type: 'GoalReviewed', data: { ...data, round } };
};

const goal = (history: GoalEvent[] = []) => given(goalDecider, history);
const submitWith = (indicators: Indicator[]) =>
  goal()
    .when({ ...submitGoal, indicators })
    .thenThrows(ValidationError);
const paths = (error: ValidationError) => error.issues.map((i) => i.path);

describe('performance goal', () => {
  it('lives in the stream goal-<goalId>', () => {
    expect(goalStreamId('g1')).toBe('goal-g1');
  });

  describe('when no goal exists', () => {
    it('accepts a goal with output, benefit and satisfaction indicators', () => {
      const events = goal().when(submitGoal).then([goalSubmitted]);
      events.forEach((event) => expect(() => catalog.validate(event)).not.toThrow());
    });

    it('refuses a goal with only 2 indicators', () => {
      const error = submitWith([roadLength, travel]);
      expect(error.issues).toEqual([
        expect.objectContaining({ path: 'indicators', zh: expect.stringContaining('至少需要 3 个') }),
      ]);
    });

    it('refuses a goal without a BENEFIT indicator', () => {
      const error = submitWith([roadLength, onTime, satisfaction]);
      expect(error.issues).toEqual([
        expect.objectContaining({ path: 'indicators', en: expect.stringContaining('BENEFIT') }),
      ]);
    });

    it('refuses a goal without an OUTPUT indicator', () => {
      const error = submitWith([travel, { ...travel, indicatorId: 'i5' }, satisfaction]);
      expect(error.issues).toEqual([
        expect.objectContaining({ path: 'indicators', zh: expect.stringContaining('缺少产出指标') }),
      ]);
    });

    it('refuses a level-2 category that does not belong to its level-1 category', () => {
      const error = submitWith([roadLength, onTime, { ...travel, level2: 'QUANTITY' }]);
      expect(error.issues).toEqual([
        expect.objectContaining({ path: 'indicators[2].level2', en: expect.stringContaining('SOCIAL') }),
      ]);
    });

    it('refuses a qualitative indicator without a target text', () => {
      expect(paths(submitWith([roadLength, onTime, { ...travel, targetText: '  ' }]))).toEqual([
        'indicators[2].targetText',
      ]);
      expect(paths(submitWith([roadLength, onTime, { ...travel, targetText: null }]))).toEqual([
        'indicators[2].targetText',
      ]);
    });

    it('refuses a qualitative indicator with a numeric target', () => {
      expect(paths(submitWith([roadLength, onTime, { ...travel, targetValue: 1 }]))).toEqual([
        'indicators[2].targetValue',
      ]);
    });

    it.each([null, Number.NaN, Number.POSITIVE_INFINITY])(
      'refuses a numeric indicator whose target is %p',
      (targetValue) => {
        expect(paths(submitWith([{ ...roadLength, targetValue }, onTime, travel]))).toEqual([
          'indicators[0].targetValue',
        ]);
      },
    );

    it('refuses a numeric indicator that also has a target text', () => {
      expect(paths(submitWith([{ ...roadLength, targetText: '较好' }, onTime, travel]))).toEqual([
        'indicators[0].targetText',
      ]);
    });

    it('refuses a numeric indicator without a unit', () => {
      expect(paths(submitWith([{ ...roadLength, unit: ' ' }, onTime, travel]))).toEqual(['indicators[0].unit']);
    });

    it('accepts a numeric target of 0, e.g. at most 0 accidents', () => {
      const noAccidents: Indicator = {
        ...onTime,
        indicatorId: 'i5',
        level2: 'QUALITY',
        name: '安全事故',
        operator: '<=',
        targetValue: 0,
        unit: '起',
      };
      const indicators = [roadLength, noAccidents, travel];
      goal()
        .when({ ...submitGoal, indicators })
        .then([{ type: 'GoalSubmitted', data: { ...submittedData, indicators } }]);
    });

    it.each([-5, 0, 101])('refuses %p points', (points) => {
      const error = submitWith([roadLength, { ...onTime, points }, travel]);
      expect(error.issues).toEqual([
        expect.objectContaining({ path: 'indicators[1].points', zh: expect.stringContaining(`分值 ${points}`) }),
      ]);
    });

    it('accepts 100 points for one indicator', () => {
      const indicators = [{ ...roadLength, points: 100 }, onTime, travel];
      goal()
        .when({ ...submitGoal, indicators })
        .then([{ type: 'GoalSubmitted', data: { ...submittedData, indicators } }]);
    });

    it('refuses two indicators with the same id', () => {
      expect(paths(submitWith([roadLength, onTime, travel, { ...satisfaction, indicatorId: 'i2' }]))).toEqual([
        'indicators[3].indicatorId',
      ]);
    });

    it('refuses an indicator without a name or id', () => {
      expect(paths(submitWith([roadLength, { ...onTime, name: ' ', indicatorId: '' }, travel]))).toEqual([
        'indicators[1].indicatorId',
        'indicators[1].name',
      ]);
    });

    it.each([
      ['amount', { amount: -1 }],
      ['overallGoal', { overallGoal: '   ' }],
      ['fiscalYear', { fiscalYear: 1999 }],
      ['fiscalYear', { fiscalYear: 2101 }],
      ['fiscalYear', { fiscalYear: 2023.5 }],
      ['divisionCode', { divisionCode: '4290' }],
      ['divisionCode', { divisionCode: '4290061' }],
    ])('refuses a goal with a wrong %s', (path, change) => {
      const error = goal()
        .when({ ...submitGoal, ...change })
        .thenThrows(ValidationError);
      expect(paths(error)).toEqual([path]);
    });

    it('reports every problem at once, each with its path', () => {
      const error = goal()
        .when({
          ...submitGoal,
          amount: -1,
          indicators: [
            { ...roadLength, points: -1 },
            { ...satisfaction, level2: 'SOCIAL' },
          ],
        })
        .thenThrows(ValidationError, /amount.*indicators\[0\]\.points/);
      expect(paths(error)).toEqual([
        'amount',
        'indicators',
        'indicators',
        'indicators[0].points',
        'indicators[1].level2',
      ]);
      expect(error.issues.every((i) => i.zh !== '' && i.en !== '')).toBe(true);
    });

    it('cannot revise an indicator of a goal that does not exist', () => {
      goal().when(reviseTravel).thenThrows(NotFoundError, /g1/);
    });

    it('cannot review a goal that does not exist', () => {
      goal().when(approve).thenThrows(NotFoundError);
    });
  });

  describe('when the goal is submitted', () => {
    const revisedTravel: IndicatorRevised = {
      type: 'IndicatorRevised',
      data: { goalId: 'g1', indicator: reviseTravel.indicator, reason: reviseTravel.reason },
    };

    it('cannot be submitted again, and says why', () => {
      goal([goalSubmitted])
        .when(submitGoal)
        .thenThrows(IllegalStateError, /「已提交」.*SUBMITTED/);
    });

    it('revises an indicator', () => {
      const [event] = goal([goalSubmitted]).when(reviseTravel).then([revisedTravel]);
      expect(() => catalog.validate(event!)).not.toThrow();
    });

    it('refuses to revise an indicator the goal does not have', () => {
      goal([goalSubmitted])
        .when({ ...reviseTravel, indicator: { ...travel, indicatorId: 'i9' } })
        .thenThrows(NotFoundError, /i9/);
    });

    it('refuses a revision without a reason', () => {
      expect(
        paths(
          goal([goalSubmitted])
            .when({ ...reviseTravel, reason: ' ' })
            .thenThrows(ValidationError),
        ),
      ).toEqual(['reason']);
    });

    it('checks the revised indicator itself', () => {
      const error = goal([goalSubmitted])
        .when({ ...reviseTravel, indicator: { ...travel, targetText: '', points: -3 } })
        .thenThrows(ValidationError);
      expect(paths(error)).toEqual(['indicator.targetText', 'indicator.points']);
    });

    it('refuses a revision that leaves the goal without a BENEFIT indicator', () => {
      const error = goal([goalSubmitted])
        .when({ ...reviseTravel, indicator: { ...travel, level1: 'OUTPUT', level2: 'QUALITY' } })
        .thenThrows(ValidationError, /效益/);
      expect(paths(error)).toEqual(['indicators']);
    });

    it('judges a revision against the indicators as already revised', () => {
      const satisfactionAsBenefit: IndicatorRevised = {
        type: 'IndicatorRevised',
        data: {
          goalId: 'g1',
          indicator: { ...satisfaction, level1: 'BENEFIT', level2: 'ECONOMIC' },
          reason: '调整分类',
        },
      };
      const travelAsOutput: Indicator = { ...travel, level1: 'OUTPUT', level2: 'QUALITY' };
      goal([goalSubmitted, satisfactionAsBenefit])
        .when({ ...reviseTravel, indicator: travelAsOutput })
        .then([
          { type: 'IndicatorRevised', data: { goalId: 'g1', indicator: travelAsOutput, reason: reviseTravel.reason } },
        ]);
    });

    it('is approved in round 1', () => {
      const [event] = goal([goalSubmitted])
        .when(approve)
        .then([reviewed(approve)]);
      expect(() => catalog.validate(event!)).not.toThrow();
    });

    it('is returned with a comment', () => {
      goal([goalSubmitted])
        .when(returnForRework)
        .then([reviewed(returnForRework)]);
    });

    it('is returned with only a comment on one indicator', () => {
      const onIndicator: ReviewGoal = {
        ...returnForRework,
        comment: '',
        indicatorComments: [{ indicatorId: 'i3', comment: '目标值应量化' }],
      };
      goal([goalSubmitted])
        .when(onIndicator)
        .then([reviewed(onIndicator)]);
    });

    it('cannot be returned without saying why', () => {
      const error = goal([goalSubmitted])
        .when({ ...returnForRework, comment: '  ' })
        .thenThrows(ValidationError, /退回/);
      expect(paths(error)).toEqual(['comment']);
    });

    it('refuses comments on indicators the goal does not have, or empty ones', () => {
      const indicatorComments = [
        { indicatorId: 'i9', comment: '不明确' },
        { indicatorId: 'i1', comment: ' ' },
      ];
      const error = goal([goalSubmitted])
        .when({ ...approve, indicatorComments })
        .thenThrows(ValidationError, /i9/);
      expect(paths(error)).toEqual(['indicatorComments[0].indicatorId', 'indicatorComments[1].comment']);
    });

    it('numbers the review round after the earlier rounds', () => {
      const state = { ...[goalSubmitted].reduce(goalDecider.evolve, goalDecider.initialState()), reviewRounds: 2 };
      expect(goalDecider.decide(approve, state)).toEqual([reviewed(approve, 3)]);
    });
  });

  describe('when the goal was returned', () => {
    const history = [goalSubmitted, reviewed(returnForRework)];

    it('lets the unit revise its indicators', () => {
      goal(history)
        .when(reviseTravel)
        .then([
          {
            type: 'IndicatorRevised',
            data: { goalId: 'g1', indicator: reviseTravel.indicator, reason: reviseTravel.reason },
          },
        ]);
    });

    it('cannot be reviewed until it is submitted again', () => {
      goal(history)
        .when(approve)
        .thenThrows(IllegalStateError, /「已退回」.*RETURNED/);
    });

    it('remembers the review round', () => {
      expect(history.reduce(goalDecider.evolve, goalDecider.initialState())).toMatchObject({
        status: 'RETURNED',
        reviewRounds: 1,
      });
    });
  });

  describe('when the goal is approved', () => {
    const history = [goalSubmitted, reviewed(approve)];

    it('refuses indicator changes outside a budget adjustment', () => {
      const error = goal(history)
        .when(reviseTravel)
        .thenThrows(IllegalStateError, /「已批准」.*预算调整/);
      expect(error.en).toMatch(/APPROVED.*budget adjustment/);
    });

    it('cannot be reviewed again', () => {
      goal(history)
        .when(returnForRework)
        .thenThrows(IllegalStateError, /已批准/);
    });

    it('cannot be submitted again', () => {
      goal(history)
        .when(submitGoal)
        .thenThrows(IllegalStateError, /已批准/);
    });
  });

  it('ignores events it does not know', () => {
    const state = goalDecider.evolve(goalDecider.initialState(), goalSubmitted);
    expect(goalDecider.evolve(state, { type: 'GoalExemplaryMarked', data: {} } as unknown as GoalEvent)).toBe(state);
  });
});
