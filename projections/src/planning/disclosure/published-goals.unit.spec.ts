import { recordedEvent } from '../../runner/recorded.testing';
import { evolvePublished, publishedGoalsProjection, type PublishedDoc } from './published-goals.projection';

const indicator = {
  level1: 'OUTPUT',
  level2: 'QUANTITY',
  name: '改造学校数量',
  operator: '>=',
  targetValue: 12,
  targetText: null,
  unit: '所',
};
const goal = (goalId: string, contentHash: string, amountFen = 100) => ({
  goalId,
  goalVersion: 9,
  contentHash,
  projectCode: `JY-${goalId}`,
  projectName: '薄弱学校改造',
  term: 'ANNUAL',
  overallGoal: '改善办学条件',
  amountFen,
  budgetDocument: '天财预〔2024〕1号',
  indicators: [{ ...indicator, points: 30 }],
});
const publication = (version: number, goals: ReturnType<typeof goal>[], recordedAt: string) => ({
  ...recordedEvent('disclosure-u1-2024', version, 'GoalsPublished', {
    unitId: 'u1',
    unitCode: '901',
    unitName: '天门市教育局',
    fiscalYear: 2024,
    publication: version,
    goals,
    withheldGoalIds: [],
    reason: version > 1 ? '年中追加下达目标' : '',
  }),
  recordedAt,
});

describe('the published goals read model', () => {
  const first = publication(
    1,
    [goal('g1', 'a'.repeat(64), 150), goal('g2', 'b'.repeat(64), 250)],
    '2024-02-01T00:00:00.000Z',
  );
  const doc = evolvePublished(null, first)!;

  it('holds the unit-year’s publication: its goals in order, their total, exactly the shown fields', () => {
    expect(doc.unitYear).toMatchObject({ unitName: '天门市教育局', publication: 1, goalCount: 2, totalAmountFen: 400 });
    expect(doc.goals.map((g) => [g.goalId, g.position, g.publication])).toEqual([
      ['g1', 0, 1],
      ['g2', 1, 1],
    ]);
    // points are not published
    expect(doc.goals[0]!.indicators).toEqual([indicator]);
  });

  it('a later publication replaces the set; a goal unchanged keeps its first publication, a changed one is new', () => {
    const second = publication(
      2,
      [goal('g1', 'a'.repeat(64), 150), goal('g2', 'c'.repeat(64), 200), goal('g3', 'd'.repeat(64))],
      '2024-06-01T00:00:00.000Z',
    );
    const next = evolvePublished(doc, second) as PublishedDoc;
    expect(next.goals.map((g) => [g.goalId, g.publication, g.publishedAt.toISOString().slice(0, 10)])).toEqual([
      ['g1', 1, '2024-02-01'],
      ['g2', 2, '2024-06-01'],
      ['g3', 2, '2024-06-01'],
    ]);
    expect(next.unitYear).toMatchObject({ publication: 2, goalCount: 3, totalAmountFen: 450 });
    expect(next.unitYear.firstPublishedAt.toISOString()).toBe('2024-02-01T00:00:00.000Z');
    expect(next.unitYear.publications.map((p) => p.publication)).toEqual([1, 2]);
  });

  it('reads only publications', () => {
    expect(publishedGoalsProjection.handles).toEqual(['GoalsPublished']);
    expect(evolvePublished(doc, recordedEvent('disclosure-u1-2024', 2, 'GoalIssued', {}))).toBe(doc);
  });
});
