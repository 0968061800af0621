import { describe, expect, it } from '@jest/globals';
import { draftOf, issuesByPath } from './sheet-draft';

const goalLine = (indicatorId: string, operator: string, extra: Record<string, unknown> = {}) => ({
  indicatorId,
  name: `指标 ${indicatorId}`,
  level1: 'OUTPUT',
  operator,
  target: 100,
  points: 20,
  ...extra,
});

describe('a self-evaluation draft as the platform takes it', () => {
  it('waits for the amounts: no executed amount, or one that is not yuan, is no draft yet', () => {
    const indicators = [goalLine('a', 'GTE', { actual: 90 })];
    expect(draftOf('e-1', false, { indicators })).toBeNull();
    expect(draftOf('e-1', false, { executed: '12.345', indicators })).toBeNull();
    expect(draftOf('e-1', false, { executed: '1,000', indicators })).toBeNull();
    expect(draftOf('e-1', false, { executed: '1000.5', indicators: [] })).toBeNull();
  });

  it('asks the overall expenditure for its budget too', () => {
    const indicators = [goalLine('a', '>=', { actual: 90 })];
    expect(draftOf('e-1', true, { executed: '10', indicators })).toBeNull();
    expect(draftOf('e-1', true, { executed: '10', budget: '20', indicators })).toMatchObject({ budget: '20' });
  });

  it('sends a project line’s result only: the goal’s definition stays the platform’s', () => {
    const draft = draftOf('e-1', false, {
      executed: ' 1000.50 ',
      indicators: [goalLine('a', 'GTE', { actual: 90, deviationCause: '  资金晚到 ', improvementMeasure: '' })],
    });
    expect(draft).toEqual({
      evaluationId: 'e-1',
      executed: '1000.50',
      indicators: [
        {
          indicatorId: 'a',
          actual: 90,
          qualitative: null,
          reason: null,
          deviationCause: '资金晚到',
          improvementMeasure: null,
        },
      ],
    });
  });

  it('sends an overall-expenditure line’s own definition, without a target for a qualitative one', () => {
    const draft = draftOf('e-1', true, {
      executed: '10',
      budget: '20',
      indicators: [
        goalLine('o-1', '>=', { actual: 120, level1: 'OUTPUT' }),
        goalLine('o-2', 'QUALITATIVE', { level1: 'BENEFIT', actual: 5, qualitative: { level: 'PARTLY', percent: 60 } }),
      ],
    });
    expect(draft?.indicators[0]).toMatchObject({
      name: '指标 o-1',
      level1: 'OUTPUT',
      operator: '>=',
      target: 100,
      points: 20,
    });
    expect(draft?.indicators[1]).toMatchObject({
      operator: 'QUALITATIVE',
      target: null,
      actual: null,
      qualitative: { level: 'PARTLY', percent: 60 },
    });
  });

  it('sends a qualitative value only once both its level and percent are chosen', () => {
    const half = draftOf('e-1', false, {
      executed: '10',
      indicators: [goalLine('q', 'QUALITATIVE', { qualitative: { level: 'ACHIEVED' } })],
    });
    expect(half?.indicators[0]?.qualitative).toBeNull();
  });

  it('finds the platform’s word for a field by its path', () => {
    const issues = issuesByPath([
      { path: 'indicators.2.deviationCause', zh: '未得满分的指标须说明偏差原因', en: 'cause' },
      { path: 'executed', zh: '已执行金额应为不小于零的金额', en: 'executed' },
    ]);
    expect(issues.get('indicators.2.deviationCause')).toBe('未得满分的指标须说明偏差原因');
    expect(issues.get('indicators.1.deviationCause')).toBeUndefined();
  });
});
