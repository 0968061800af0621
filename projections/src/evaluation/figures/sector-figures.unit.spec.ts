import { averageOf, sectorFigures, type ScoredEvaluation } from './sector-figures';

const self = (unitId: string, total: number, grade: string): ScoredEvaluation => ({ unitId, total, grade });
const sectors = new Map([
  ['school', '教育'],
  ['bureau', '教育'],
  ['road', '交通'],
  ['hospital', '卫生健康'],
  ['old', ''],
]);
const grades = (excellent: number, good: number, fair: number, poor: number) => [
  { grade: 'EXCELLENT', count: excellent },
  { grade: 'GOOD', count: good },
  { grade: 'FAIR', count: fair },
  { grade: 'POOR', count: poor },
];

describe('evaluation figures by sector (分行业评价统计)', () => {
  it('groups the scored evaluations by their unit’s sector: grades and average of each kind', () => {
    const figures = sectorFigures(
      [
        self('school', 92, 'EXCELLENT'),
        self('bureau', 85, 'GOOD'),
        self('school', 78.5, 'FAIR'),
        self('road', 55, 'POOR'),
      ],
      [self('bureau', 90, 'EXCELLENT'), self('hospital', 88.25, 'GOOD')],
      sectors,
    );
    expect(figures).toEqual([
      {
        sector: '教育',
        unitCount: 2,
        selfEvaluation: { count: 3, averageScore: 85.17, grades: grades(1, 1, 1, 0) },
        keyEvaluation: { count: 1, averageScore: 90, grades: grades(1, 0, 0, 0) },
      },
      {
        sector: '交通',
        unitCount: 1,
        selfEvaluation: { count: 1, averageScore: 55, grades: grades(0, 0, 0, 1) },
        keyEvaluation: { count: 0, averageScore: null, grades: grades(0, 0, 0, 0) },
      },
      {
        sector: '卫生健康',
        unitCount: 1,
        selfEvaluation: { count: 0, averageScore: null, grades: grades(0, 0, 0, 0) },
        keyEvaluation: { count: 1, averageScore: 88.25, grades: grades(0, 1, 0, 0) },
      },
    ]);
  });

  it('counts units without a sector, and units the directory does not know, as 未分类 (""), last', () => {
    const figures = sectorFigures(
      [self('old', 70, 'FAIR'), self('gone', 60, 'POOR'), self('road', 95, 'EXCELLENT')],
      [],
      sectors,
    );
    expect(figures.map((f) => f.sector)).toEqual(['交通', '']);
    expect(figures[1]).toMatchObject({
      unitCount: 2,
      selfEvaluation: { count: 2, averageScore: 65, grades: grades(0, 0, 1, 1) },
    });
  });

  it('orders sectors as the closed list does, whatever order the rows come in', () => {
    const figures = sectorFigures(
      [self('old', 1, 'POOR'), self('hospital', 1, 'POOR'), self('road', 1, 'POOR'), self('school', 1, 'POOR')],
      [],
      sectors,
    );
    expect(figures.map((f) => f.sector)).toEqual(['教育', '交通', '卫生健康', '']);
  });

  it('has no sector for a year without scores', () => {
    expect(sectorFigures([], [], sectors)).toEqual([]);
  });

  it('averages to 2 decimals, half up, without float drift', () => {
    expect(averageOf([])).toBeNull();
    expect(averageOf([80])).toBe(80);
    expect(averageOf([80, 81])).toBe(80.5);
    // totals come in hundredths (the scoring's); 85.17 is 255.5 / 3 rounded half up
    expect(averageOf([85.5, 85, 85])).toBe(85.17);
    expect(averageOf([0.01, 0.02])).toBe(0.02);
    expect(averageOf([0.1, 0.2])).toBe(0.15);
    expect(averageOf([90, 90, 91])).toBe(90.33);
    expect(averageOf([90, 91, 91])).toBe(90.67);
  });
});
