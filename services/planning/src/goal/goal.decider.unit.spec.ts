import { EventCatalog, planningEvents, given, IllegalStateError, MAX_FEN, ValidationError } from '@jixiao/events';
import { goalDecider, goalIdOf, goalStreamId, type GoalCommand } from './goal.decider';
import type { GoalEvent, Indicator } from './goal.events';
import { goalSubmitted, onTime, roadLength, satisfaction, submitGoal, submittedData, travel } from './goal.fixtures';

const catalog = new EventCatalog(planningEvents);

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

  describe('given a draft', () => {
    const { type: _t, departmentReview: _d, rules: _r, existingGoalId: _e, ...content } = submitGoal;
    const drafted: GoalEvent = {
      type: 'GoalDrafted',
      data: { ...content, projectId: 'p1', indicators: [roadLength], copiedFromGoalId: null },
    };

    it('when an indicator is added, then it is added', () => {
      goal([drafted])
        .when({ type: 'AddIndicator', goalId: 'g1', indicator: travel })
        .then([{ type: 'IndicatorAdded', data: { goalId: 'g1', indicator: travel } }]);
    });

    it('when an indicator is removed with a reason, then it is removed', () => {
      goal([drafted])
        .when({ type: 'RemoveIndicator', goalId: 'g1', indicatorId: 'i1', reason: '与其他指标重复' })
        .then([{ type: 'IndicatorRemoved', data: { goalId: 'g1', indicatorId: 'i1', reason: '与其他指标重复' } }]);
    });

    it('when an indicator is revised with a reason, then it is revised', () => {
      const indicator = { ...roadLength, targetValue: 130 };
      goal([drafted])
        .when({ type: 'ReviseIndicator', goalId: 'g1', indicator, reason: '追加 10 公里' })
        .then([{ type: 'IndicatorRevised', data: { goalId: 'g1', indicator, reason: '追加 10 公里' } }]);
    });
  });

  it('given any goal, when a command of a type it does not know arrives, then it refuses it naming the command', () => {
    const unknown = { type: 'ArchiveGoal', goalId: 'g1' } as unknown as GoalCommand;
    expect(() => goalDecider.decide(unknown, goalDecider.initialState())).toThrow(
      'unknown goal command {"type":"ArchiveGoal","goalId":"g1"}',
    );
  });

  describe('when no goal exists', () => {
    describe('one goal per project and term', () => {
      it('refuses a goal when the project already has one of the term, naming it', () => {
        const error = goal()
          .when({ ...submitGoal, existingGoalId: 'g0' })
          .thenThrows(IllegalStateError, /项目 JT-2023-001 已有2023 年度的年度目标（目标 g0）/);
        expect(error.en).toContain('already has an annual goal for 2023 (goal g0)');
        goal()
          .when({ ...submitGoal, term: 'MEDIUM_TERM', existingGoalId: 'g0' })
          .thenThrows(IllegalStateError, /已有中期目标（目标 g0）/);
      });

      it('refuses a second draft landing on the stream of the term, naming the goal there', () => {
        goal([goalSubmitted])
          .when({ ...submitGoal, type: 'DraftGoal', copiedFromGoalId: null, projectId: 'p1' })
          .thenThrows(IllegalStateError, /已有2023 年度的年度目标（目标 g1）/);
      });

      it("derives the goal's id from project, term and year", () => {
        const id = goalIdOf('p1', 'ANNUAL', 2024);
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(goalIdOf('p1', 'ANNUAL', 2024)).toBe(id);
        expect(goalIdOf('p1', 'ANNUAL', 2025)).not.toBe(id);
        expect(goalIdOf('p2', 'ANNUAL', 2024)).not.toBe(id);
        expect(goalIdOf('p1', 'MEDIUM_TERM', 2024)).toBe(goalIdOf('p1', 'MEDIUM_TERM', 2025));
        expect(goalIdOf('p1', 'MEDIUM_TERM', 2024)).not.toBe(id);
      });
    });

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

    describe('numbers within their domain', () => {
      const accepts = (indicators: Indicator[], change: object = {}) =>
        goal()
          .when({ ...submitGoal, ...change, indicators })
          .then([{ type: 'GoalSubmitted', data: { ...submittedData, ...change, indicators } }]);

      it('takes a percentage target from 0 to 100, and nothing outside', () => {
        accepts([roadLength, { ...onTime, targetValue: 0 }, travel, { ...satisfaction, targetValue: 100 }]);
        for (const targetValue of [-0.01, 100.01]) {
          expect(paths(submitWith([roadLength, { ...onTime, targetValue }, travel, satisfaction]))).toEqual([
            'indicators[1].targetValue',
          ]);
        }
      });

      it('takes any other target within 10^12 either way', () => {
        accepts([{ ...roadLength, targetValue: 1e12 }, onTime, travel, satisfaction]);
        accepts([{ ...roadLength, targetValue: -1e12 }, onTime, travel, satisfaction]);
        for (const targetValue of [1e12 + 1, -1e12 - 1, 1e308]) {
          expect(paths(submitWith([{ ...roadLength, targetValue }, onTime, travel, satisfaction]))).toEqual([
            'indicators[0].targetValue',
          ]);
        }
      });

      it('takes a goal amount of 0 and of the 10^12 yuan limit', () => {
        accepts(submitGoal.indicators, { amountFen: 0 });
        accepts(submitGoal.indicators, { amountFen: MAX_FEN });
      });
    });

    it('refuses an indicator without a name or id', () => {
      expect(paths(submitWith([roadLength, { ...onTime, name: ' ', indicatorId: '' }, travel]))).toEqual([
        'indicators[1].indicatorId',
        'indicators[1].name',
      ]);
    });

    it.each([
      ['amount', { amountFen: -1 }],
      ['amount', { amountFen: 0.5 }],
      ['amount', { amountFen: MAX_FEN + 1 }],
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
          amountFen: -1,
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
  });
});
