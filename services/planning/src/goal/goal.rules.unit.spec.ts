import { ErrorCode, given, MAX_FEN, ValidationError, type FieldIssue } from '@jixiao/events';
import { goalDecider } from './goal.decider';
import type { Indicator } from './goal.events';
import { onTime, roadLength, rules, satisfaction, submitGoal, submittedData, travel } from './goal.fixtures';
import {
  catalogueIssues,
  goalHeaderIssues,
  indicatorIssues,
  indicatorListIssues,
  indicatorSetIssues,
  type GoalHeader,
} from './goal.rules';

/* The rules of a goal's content, as the server and the console's forms both run them. */

const paths = (issues: FieldIssue[]) => issues.map((i) => i.path);
const cost: Indicator = {
  ...roadLength,
  indicatorId: 'c1',
  level1: 'COST',
  level2: 'ECONOMIC_COST',
  name: '单位造价',
  targetValue: 30,
  unit: '万元/公里',
  points: 10,
};
const header: GoalHeader = { fiscalYear: 2023, divisionCode: '429006', overallGoal: '完成提档升级', amountFen: 1 };

describe('the indicator list as a whole', () => {
  it('given exactly 3 indicators covering output and benefit, when checked, then nothing is wrong', () => {
    expect(indicatorSetIssues([roadLength, onTime, travel])).toEqual([]);
  });

  it('given 2 indicators, when checked, then the list is refused, counting them', () => {
    const issues = indicatorSetIssues([roadLength, travel]);
    expect(paths(issues)).toEqual(['indicators']);
    expect(issues[0]!.zh).toContain('至少需要 3 个绩效指标，当前只有 2 个');
  });

  it('given neither output nor benefit indicators, when checked, then each missing category is named in Chinese', () => {
    const issues = indicatorSetIssues([satisfaction, { ...satisfaction, indicatorId: 'i5' }, cost]);
    expect(paths(issues)).toEqual(['indicators', 'indicators']);
    expect(issues.map((i) => i.zh)).toEqual([
      expect.stringContaining('缺少产出指标，请至少设置一个产出指标（OUTPUT）'),
      expect.stringContaining('缺少效益指标，请至少设置一个效益指标（BENEFIT）'),
    ]);
  });

  it('given an id used three times, when checked, then every use after the first is refused at its own index', () => {
    const issues = indicatorSetIssues([
      roadLength,
      travel,
      { ...onTime, indicatorId: 'i1' },
      { ...satisfaction, indicatorId: 'i1' },
    ]);
    expect(paths(issues)).toEqual(['indicators[2].indicatorId', 'indicators[3].indicatorId']);
    expect(issues[0]!.zh).toContain('「i1」');
  });

  it('given another path, when checked, then the issues are placed under it', () => {
    expect(paths(indicatorSetIssues([roadLength, roadLength], 'adjusted'))).toEqual([
      'adjusted',
      'adjusted',
      'adjusted[1].indicatorId',
    ]);
  });
});

describe('one indicator', () => {
  const check = (change: Partial<Indicator>, base: Indicator = roadLength) =>
    paths(indicatorIssues({ ...base, ...change }, 'indicators[1]'));

  it.each([0.01, 1, 100])('given %p points, when checked, then they are accepted', (points) => {
    expect(check({ points })).toEqual([]);
  });

  it.each([0, -0.01, 100.01, Number.NaN])('given %p points, when checked, then they are refused', (points) => {
    expect(check({ points })).toEqual(['indicators[1].points']);
  });

  it('given a level-1 category the platform does not know, when checked, then the category alone is refused, named', () => {
    const issues = indicatorIssues({ ...roadLength, level1: 'RISK' as Indicator['level1'] }, 'indicators[1]');
    expect(paths(issues)).toEqual(['indicators[1].level1']);
    expect(issues[0]!.zh).toContain('未知的一级指标「RISK」');
  });

  it('given a level-2 category of another level-1, when checked, then it is refused listing the allowed ones', () => {
    const issues = indicatorIssues({ ...cost, level2: 'QUANTITY' }, 'indicators[1]');
    expect(paths(issues)).toEqual(['indicators[1].level2']);
    expect(issues[0]!.zh).toContain('ECONOMIC_COST、SOCIAL_COST、ECO_COST');
  });

  it.each(['ECONOMIC_COST', 'SOCIAL_COST', 'ECO_COST'])(
    'given a COST indicator of %s, when checked, then it is accepted',
    (level2) => {
      expect(check({ level2 }, cost)).toEqual([]);
    },
  );

  it('given blank id and name, when checked, then both are refused', () => {
    expect(check({ indicatorId: ' ', name: '' })).toEqual(['indicators[1].indicatorId', 'indicators[1].name']);
  });

  describe('qualitative', () => {
    it('given a target text and no value, when checked, then it is accepted', () => {
      expect(check({}, travel)).toEqual([]);
    });

    it('given a target value, even 0, when checked, then the value is refused', () => {
      expect(check({ targetValue: 0 }, travel)).toEqual(['indicators[1].targetValue']);
    });

    it.each([null, '', '  '])('given the target text %p, when checked, then it is refused', (targetText) => {
      expect(check({ targetText }, travel)).toEqual(['indicators[1].targetText']);
    });
  });

  describe('numeric', () => {
    it.each([1e12, -1e12, 0])('given a target of %p, when checked, then it is accepted', (targetValue) => {
      expect(check({ targetValue })).toEqual([]);
    });

    it.each([1e12 + 1, -1e12 - 1])(
      'given a target of %p, when checked, then it is refused as out of range',
      (targetValue) => {
        const issues = indicatorIssues({ ...roadLength, targetValue }, 'indicators[1]');
        expect(paths(issues)).toEqual(['indicators[1].targetValue']);
        expect(issues[0]!.zh).toContain('超出合理范围');
      },
    );

    it.each([null, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
      'given a percentage target of %p, when checked, then it is refused once, as missing',
      (targetValue) => {
        const issues = indicatorIssues({ ...onTime, targetValue }, 'indicators[1]');
        expect(paths(issues)).toEqual(['indicators[1].targetValue']);
        expect(issues[0]!.zh).toContain('须填写数值目标值');
      },
    );

    it.each(['%', '％', ' % '])(
      'given the unit %p, when a target of 0 or 100 is checked, then it is accepted',
      (unit) => {
        expect(check({ unit, targetValue: 0 }, onTime)).toEqual([]);
        expect(check({ unit, targetValue: 100 }, onTime)).toEqual([]);
      },
    );

    it.each(['%', '％', ' % '])(
      'given the unit %p, when a target beyond 0–100 is checked, then it is refused',
      (unit) => {
        for (const targetValue of [-0.01, 100.01]) {
          const issues = indicatorIssues({ ...onTime, unit, targetValue }, 'indicators[1]');
          expect(paths(issues)).toEqual(['indicators[1].targetValue']);
          expect(issues[0]!.zh).toContain('0–100');
        }
      },
    );

    it('given another unit, when a target beyond 100 or below 0 is checked, then it is accepted', () => {
      expect(check({ targetValue: 150 })).toEqual([]);
      expect(check({ targetValue: -5, unit: '℃' })).toEqual([]);
    });

    it.each(['', '较好'])('given the target text %p, when checked, then it is refused', (targetText) => {
      expect(check({ targetText })).toEqual(['indicators[1].targetText']);
    });

    it.each(['', '  '])('given the unit %p, when checked, then it is refused', (unit) => {
      expect(check({ unit })).toEqual(['indicators[1].unit']);
    });
  });
});

describe('the indicator catalogue in force', () => {
  it('given the 2021 catalogue, when a COST indicator is checked, then it is accepted', () => {
    expect(catalogueIssues([roadLength, travel, satisfaction, cost], '2021')).toEqual([]);
  });

  it('given the 2020 catalogue, when a COST indicator is checked, then it alone is refused, listing the categories there', () => {
    const issues = catalogueIssues([roadLength, travel, satisfaction, cost], '2020');
    expect(paths(issues)).toEqual(['indicators[3].level1']);
    expect(issues[0]!.zh).toContain('2020 版指标目录没有「成本」一级指标，请改用 OUTPUT、BENEFIT、SATISFACTION');
  });

  it('given no catalogue version, when the list is checked, then no category is refused for it', () => {
    expect(indicatorListIssues([roadLength, travel, cost])).toEqual([]);
    expect(paths(indicatorListIssues([roadLength, travel, cost], '2020'))).toEqual(['indicators[2].level1']);
  });

  it('given a list with problems of every kind, when checked, then the list, each indicator and the catalogue are reported in that order', () => {
    expect(paths(indicatorListIssues([{ ...cost, points: 0 }, travel], '2020'))).toEqual([
      'indicators',
      'indicators',
      'indicators[0].points',
      'indicators[0].level1',
    ]);
  });

  describe('through the decider', () => {
    const goal = given(goalDecider, []);

    it('given a 2021 profile, when a goal with a COST indicator is submitted, then it is accepted', () => {
      const indicators = [...submitGoal.indicators, cost];
      goal
        .when({ ...submitGoal, indicators })
        .then([{ type: 'GoalSubmitted', data: { ...submittedData, indicators } }]);
    });

    it('given a 2020 profile, when a goal with a COST indicator is submitted, then it is BAD_USER_INPUT at its level1', () => {
      const error = goal
        .when({
          ...submitGoal,
          indicators: [...submitGoal.indicators, cost],
          rules: { ...rules, indicatorCatalogueVersion: '2020' },
        })
        .thenThrows(ValidationError);
      expect({ code: error.code, paths: paths(error.issues) }).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['indicators[4].level1'],
      });
    });

    it('when a goal with an unknown level-1 category is submitted, then it is BAD_USER_INPUT at its level1', () => {
      const error = goal
        .when({
          ...submitGoal,
          indicators: [
            ...submitGoal.indicators,
            { ...satisfaction, indicatorId: 'x', level1: 'RISK' as Indicator['level1'] },
          ],
        })
        .thenThrows(ValidationError);
      expect({ code: error.code, paths: paths(error.issues) }).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['indicators[4].level1', 'indicators[4].level1'],
      });
    });
  });
});

describe("a goal's own fields", () => {
  it.each([2000, 2023, 2100])('given the fiscal year %p, when checked, then it is accepted', (fiscalYear) => {
    expect(goalHeaderIssues({ ...header, fiscalYear })).toEqual([]);
  });

  it.each([1999, 2101, 2023.5, Number.NaN])(
    'given the fiscal year %p, when checked, then it is refused',
    (fiscalYear) => {
      expect(paths(goalHeaderIssues({ ...header, fiscalYear }))).toEqual(['fiscalYear']);
    },
  );

  it.each(['42900', '4290061', 'a429006', '429006a', '42900六', '４２９００６'])(
    'given the division code %p, when checked, then it is refused',
    (divisionCode) => {
      expect(paths(goalHeaderIssues({ ...header, divisionCode }))).toEqual(['divisionCode']);
    },
  );

  it.each(['', ' \t '])('given the overall goal %p, when checked, then it is refused', (overallGoal) => {
    expect(paths(goalHeaderIssues({ ...header, overallGoal }))).toEqual(['overallGoal']);
  });

  it('given an amount of 0 or of the 10^12 yuan limit, when checked, then it is accepted', () => {
    expect(goalHeaderIssues({ ...header, amountFen: 0 })).toEqual([]);
    expect(goalHeaderIssues({ ...header, amountFen: MAX_FEN })).toEqual([]);
  });

  it.each([-1, 0.5, MAX_FEN + 1, Number.NaN])(
    'given an amount of %p fen, when checked, then it is refused at amount',
    (amountFen) => {
      const issues = goalHeaderIssues({ ...header, amountFen });
      expect(paths(issues)).toEqual(['amount']);
      expect(issues[0]!.zh).toContain('资金金额');
    },
  );

  it('when a goal of amount 0 is submitted, then it is accepted; of -0.01 yuan, then it is BAD_USER_INPUT at amount', () => {
    given(goalDecider, [])
      .when({ ...submitGoal, amountFen: 0 })
      .then([{ type: 'GoalSubmitted', data: { ...submittedData, amountFen: 0 } }]);
    const error = given(goalDecider, [])
      .when({ ...submitGoal, amountFen: -1 })
      .thenThrows(ValidationError);
    expect({ code: error.code, paths: paths(error.issues) }).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      paths: ['amount'],
    });
  });
});
