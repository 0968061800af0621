import { REMOVED_INDICATOR, returnReasonFigures, type ReviewedGoal } from './return-reasons';

const comment = (indicatorId: string, text = '目标值偏低') => ({ indicatorId, comment: text });
const goal = (entries: Partial<ReviewedGoal>, level1: Record<string, string> = {}): ReviewedGoal => ({
  reviews: [],
  opinions: [],
  level1Of: new Map(Object.entries(level1)),
  ...entries,
});

describe('returnReasonFigures', () => {
  it('counts every return by who gave it and which kind of indicator its comments named', () => {
    const figures = returnReasonFigures([
      goal(
        {
          reviews: [
            { result: 'RETURN', reviewerRole: 'DEPARTMENT', comment: '', indicatorComments: [comment('i1')] },
            { result: 'APPROVE', reviewerRole: 'DEPARTMENT', comment: '', indicatorComments: [comment('i2')] },
            {
              result: 'RETURN',
              reviewerRole: 'PERFORMANCE_SECTION',
              comment: '请按专家意见修改',
              indicatorComments: [],
            },
          ],
          opinions: [
            {
              opinion: 'RETURN',
              reviewerRole: 'EXPERT',
              comment: '',
              indicatorComments: [comment('i1'), comment('i2')],
            },
            { opinion: 'APPROVE', reviewerRole: 'BUDGET_SECTION', comment: '同意', indicatorComments: [] },
          ],
        },
        { i1: 'OUTPUT', i2: 'BENEFIT' },
      ),
      goal({
        reviews: [
          { result: 'RETURN', reviewerRole: 'PERFORMANCE_SECTION', comment: '', indicatorComments: [comment('gone')] },
        ],
      }),
    ]);
    expect(figures).toEqual({
      returnDecisions: 3,
      returnOpinions: 1,
      byReviewer: [
        { reviewerRole: 'PERFORMANCE_SECTION', count: 2 },
        { reviewerRole: 'DEPARTMENT', count: 1 },
        { reviewerRole: 'EXPERT', count: 1 },
      ],
      // an approval's comments are not reasons for a return; a removed indicator keeps its comment counted
      byIndicatorCategory: [
        { level1: 'OUTPUT', count: 2 },
        { level1: 'BENEFIT', count: 1 },
        { level1: REMOVED_INDICATOR, count: 1 },
      ],
      withoutIndicatorComment: 1,
    });
  });

  it('takes a blank indicator comment for none', () => {
    const figures = returnReasonFigures([
      goal({
        opinions: [
          { opinion: 'RETURN', reviewerRole: 'EXPERT', comment: '不合理', indicatorComments: [comment('i1', '  ')] },
        ],
      }),
    ]);
    expect(figures.withoutIndicatorComment).toBe(1);
    expect(figures.byIndicatorCategory).toEqual([]);
  });

  it('is all zeros for a year without returns', () => {
    expect(
      returnReasonFigures([
        goal({ reviews: [{ result: 'APPROVE', reviewerRole: 'DEPARTMENT', comment: '', indicatorComments: [] }] }),
      ]),
    ).toEqual({
      returnDecisions: 0,
      returnOpinions: 0,
      byReviewer: [],
      byIndicatorCategory: [],
      withoutIndicatorComment: 0,
    });
  });
});
