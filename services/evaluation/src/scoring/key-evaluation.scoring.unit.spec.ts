import { keyEvaluationIssues, scoreKeyEvaluation, splitIssues, type GivenScore } from './key-evaluation.scoring';

const SPLIT = { DECISION: 15, PROCESS: 20, OUTPUT: 35, BENEFIT: 30 };
const BANDS = { EXCELLENT: 90, GOOD: 80, FAIR: 60 };
const given = (dimension: GivenScore['dimension'], indicator: string, points: number, maxPoints: number) => ({
  dimension,
  indicator,
  points,
  maxPoints,
});

describe('a key evaluation’s score', () => {
  const scores = [
    given('DECISION', '立项依据充分性', 7.5, 8),
    given('DECISION', '绩效目标合理性', 6.25, 7),
    given('PROCESS', '资金到位率', 18.5, 20),
    given('OUTPUT', '完成数量', 30, 35),
    given('BENEFIT', '社会效益', 20.25, 30),
  ];

  it('adds each dimension’s points out of its share of the split, then the total and its grade', () => {
    expect(scoreKeyEvaluation(SPLIT, BANDS, scores)).toEqual({
      dimensions: [
        { dimension: 'DECISION', maxPoints: 15, awarded: 13.75 },
        { dimension: 'PROCESS', maxPoints: 20, awarded: 18.5 },
        { dimension: 'OUTPUT', maxPoints: 35, awarded: 30 },
        { dimension: 'BENEFIT', maxPoints: 30, awarded: 20.25 },
      ],
      total: 82.5,
      grade: 'GOOD',
    });
    expect(keyEvaluationIssues(SPLIT, scores)).toEqual([]);
  });

  it('adds exactly (0.1 + 0.2 is 0.3) and grades at the band edges', () => {
    const tenths = [given('OUTPUT', 'a', 0.1, 1), given('OUTPUT', 'b', 0.2, 1)];
    expect(scoreKeyEvaluation(SPLIT, BANDS, tenths).total).toBe(0.3);
    const at = (total: number) => scoreKeyEvaluation(SPLIT, BANDS, [given('OUTPUT', 'x', total, 100)]).grade;
    expect([90, 89.99, 80, 79.99, 60, 59.99].map(at)).toEqual(['EXCELLENT', 'GOOD', 'GOOD', 'FAIR', 'FAIR', 'POOR']);
  });

  it('grades by the profile’s bands, not fixed ones', () => {
    const strict = { EXCELLENT: 95, GOOD: 85, FAIR: 70 };
    expect(scoreKeyEvaluation(SPLIT, strict, scores).grade).toBe('FAIR');
  });

  it('shows a dimension nobody scored yet as 0 out of its share', () => {
    expect(scoreKeyEvaluation(SPLIT, BANDS, []).dimensions.map((d) => [d.maxPoints, d.awarded])).toEqual([
      [15, 0],
      [20, 0],
      [35, 0],
      [30, 0],
    ]);
  });
});

describe('scores that cannot stand', () => {
  it('points outside 0 … maxPoints, at both edges', () => {
    const issues = keyEvaluationIssues(SPLIT, [
      given('DECISION', 'a', 8, 8),
      given('DECISION', 'b', 0, 7),
      given('PROCESS', 'c', 8.01, 8),
      given('PROCESS', 'd', -0.01, 8),
    ]);
    expect(issues).toEqual([
      {
        path: 'scores[2].points',
        zh: '指标“c”的得分应在 0 至 8 之间，现为 8.01',
        en: 'The indicator “c” scores from 0 to 8, not 8.01',
      },
      {
        path: 'scores[3].points',
        zh: '指标“d”的得分应在 0 至 8 之间，现为 -0.01',
        en: 'The indicator “d” scores from 0 to 8, not -0.01',
      },
    ]);
  });

  it('a maximum of 0 or less, and an indicator scored twice', () => {
    expect(
      keyEvaluationIssues(SPLIT, [given('OUTPUT', 'a', 0, 0), given('OUTPUT', 'b', 1, 2), given('OUTPUT', 'b', 1, 2)]),
    ).toEqual([
      {
        path: 'scores[0].maxPoints',
        zh: '指标“a”的满分应大于 0，现为 0',
        en: 'The indicator “a” needs a maximum above 0, not 0',
      },
      { path: 'scores[2].indicator', zh: '产出维度的指标“b”重复评分', en: 'The OUTPUT indicator “b” is scored twice' },
    ]);
    // the same indicator name in two dimensions is two indicators
    expect(keyEvaluationIssues(SPLIT, [given('OUTPUT', 'b', 1, 2), given('BENEFIT', 'b', 1, 2)])).toEqual([]);
  });

  it('a maximum that is not a number: refused, and left out of its dimension’s sum', () => {
    expect(keyEvaluationIssues(SPLIT, [given('PROCESS', 'a', 1, Number.NaN)]).map((i) => i.path)).toEqual([
      'scores[0].maxPoints',
      'scores[0].points',
    ]);
  });

  it('a dimension whose indicators’ maxima add up to more than its share (15 is fine, 15.01 is not)', () => {
    expect(keyEvaluationIssues(SPLIT, [given('DECISION', 'a', 1, 7.5), given('DECISION', 'b', 1, 7.5)])).toEqual([]);
    expect(keyEvaluationIssues(SPLIT, [given('DECISION', 'a', 1, 7.5), given('DECISION', 'b', 1, 7.51)])).toEqual([
      {
        path: 'dimensions.DECISION',
        zh: '决策维度各指标满分合计 15.01 超过该维度分值 15',
        en: "The DECISION indicators' maxima add up to 15.01, above the dimension's 15 points",
      },
    ]);
  });
});

describe('the split is checked by the same rule as the profile’s', () => {
  it('is re-exported from the events package', () => {
    expect(splitIssues(SPLIT, 60)).toEqual([]);
    expect(splitIssues({ ...SPLIT, OUTPUT: 25, DECISION: 25 }, 60, 'evaluation.keyEvaluationSplit')).toHaveLength(1);
  });
});
