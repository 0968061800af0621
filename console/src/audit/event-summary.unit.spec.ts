import { describe, expect, it } from '@jest/globals';
import { fenToYuan, summarize, type RecordedEvent } from './event-summary';

const indicator = (targetValue: number) => ({
  indicatorId: 'i-1',
  level1: 'OUTPUT',
  level2: 'QUANTITY',
  name: '新建学校',
  operator: '>=',
  targetValue,
  targetText: null,
  unit: '所',
  points: 20,
  basis: 'PLAN',
  core: true,
  templateId: null,
});

const content = {
  goalId: 'g-1',
  unitId: 'u-1',
  projectCode: '101001-2023-0001',
  projectName: '校舍建设',
  fiscalYear: 2023,
  divisionCode: '429006',
  term: 'ANNUAL',
  overallGoal: '新建学校',
};

let version = 0;
const event = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  eventId: `e-${++version}`,
  streamVersion: version,
  type,
  data,
});

describe('reading a goal’s history', () => {
  const history = [
    event('GoalSubmitted', {
      ...content,
      amountFen: 100_000_00,
      indicators: [indicator(10)],
      submission: 1,
      departmentReview: false,
    }),
    event('GoalReviewed', {
      goalId: 'g-1',
      round: 1,
      stage: 'FINANCE',
      reviewerRole: 'PERFORMANCE_SECTION',
      result: 'RETURN',
      comment: '目标值偏低',
      indicatorComments: [{ indicatorId: 'i-1', comment: '请提高' }],
    }),
    event('IndicatorRevised', { goalId: 'g-1', indicator: indicator(12), reason: '按意见提高' }),
    event('GoalSubmitted', {
      ...content,
      amountFen: 120_000_50,
      indicators: [indicator(12)],
      submission: 2,
      departmentReview: false,
    }),
    event('GoalReviewed', {
      goalId: 'g-1',
      round: 2,
      stage: 'FINANCE',
      reviewerRole: 'PERFORMANCE_SECTION',
      result: 'APPROVE',
      comment: '同意',
      indicatorComments: [],
    }),
  ];
  // given out of order, read in stream order
  const [submitted, returned, revised, resubmitted, approved] = summarize([...history].reverse());

  it('shows the state each decision moved the goal to, from the state before it', () => {
    expect(submitted?.status).toEqual({ before: undefined, after: '财政联审中' });
    expect(returned?.status).toEqual({ before: '财政联审中', after: '已退回修改' });
    expect(approved?.status).toEqual({ before: '财政联审中', after: '已批准' });
    expect(returned?.title).toBe('财政联审结论：退回修改');
  });

  it('names the indicator a reviewer commented on, and keeps the reviewer’s words', () => {
    expect(returned?.changes).toContainEqual({ field: '对「新建学校」的意见', after: '请提高' });
    expect(returned?.remark).toBe('目标值偏低');
  });

  it('shows a revised indicator’s target before and after, with the reason', () => {
    expect(revised?.changes).toEqual([{ field: '「新建学校」目标值', before: '≥ 10 所', after: '≥ 12 所' }]);
    expect(revised?.remark).toBe('按意见提高');
  });

  it('shows what a resubmission changed against the goal as it stood', () => {
    expect(resubmitted?.title).toBe('绩效目标已重新提交（第 2 次）');
    expect(resubmitted?.changes).toContainEqual({ field: '资金金额', before: '¥100,000.00', after: '¥120,000.50' });
    // the indicator was revised before the resubmission: nothing new about it here
    expect(resubmitted?.changes.some((c) => c.field.includes('目标值'))).toBe(false);
  });
});

describe('amounts', () => {
  it('formats whole fen without floating point', () => {
    expect(fenToYuan(123_456_789_01)).toBe('¥123,456,789.01');
    expect(fenToYuan(-5)).toBe('-¥0.05');
    expect(fenToYuan(1.5)).toBe('—');
  });
});

describe('an event the page has no words for', () => {
  it('lists its plain fields, leaving ids and lists out', () => {
    const [summary] = summarize([
      event('SomethingHappened', { goalId: 'g-1', note: '备注', amountFen: 250, items: [1, 2] }),
    ]);
    expect(summary?.title).toBe('SomethingHappened');
    expect(summary?.changes).toEqual([
      { field: 'note', after: '备注' },
      { field: 'amountFen', after: '¥2.50' },
    ]);
  });
});
