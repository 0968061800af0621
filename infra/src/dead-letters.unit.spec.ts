import type { DeadLetter } from '@jixiao/projections';
import { formatDeadLetters, formatReplay, parseDeadLettersArgs } from './dead-letters';

describe('npm run dead-letters', () => {
  it('reads list, replay <id> and replay --all, and nothing else', () => {
    expect(parseDeadLettersArgs(['list'])).toEqual({ kind: 'list' });
    expect(parseDeadLettersArgs(['replay', 'abc'])).toEqual({ kind: 'replay', which: { id: 'abc' } });
    expect(parseDeadLettersArgs(['replay', '--all'])).toEqual({ kind: 'replay', which: 'all' });
    for (const wrong of [[], ['replay'], ['list', 'x'], ['replay', 'a', 'b'], ['drop']])
      expect(() => parseDeadLettersArgs(wrong)).toThrow(/用法有误 \(wrong usage\)[\s\S]*replay --all/);
  });

  const letter = (over: Partial<DeadLetter>): DeadLetter => ({
    id: 'd1',
    processor: 'planning.goals',
    eventId: 'e1',
    streamId: 'goal-1',
    streamVersion: 3,
    eventType: 'GoalReviewed',
    globalPosition: 42,
    transactionId: 42,
    error: 'boom',
    attempts: 3,
    behind: null,
    firstFailedAt: '2026-12-07T08:00:00.000Z',
    lastFailedAt: '2026-12-07T08:00:01.000Z',
    ...over,
  });

  it('lists each dead letter with what failed and why, and those waiting behind it', () => {
    expect(formatDeadLetters([])).toBe('没有死信 (no dead letters)');
    expect(
      formatDeadLetters([letter({}), letter({ id: 'd2', eventId: 'e2', streamVersion: 4, behind: 'e1', attempts: 0 })]),
    ).toBe(
      [
        'd1  planning.goals  GoalReviewed goal-1 v3 (event e1, position 42)',
        '  尝试 3 次 (attempts 3), 2026-12-07T08:00:00.000Z – 2026-12-07T08:00:01.000Z: boom',
        'd2  planning.goals  GoalReviewed goal-1 v4 (event e2, position 42)',
        '  等待前序死信 (waiting behind) e1',
      ].join('\n'),
    );
  });

  it('reports each replayed stream, and the ones still failing', () => {
    expect(
      formatReplay([
        { processor: 'p', streamId: 's-1', replayed: 2, error: null },
        { processor: 'p', streamId: 's-2', replayed: 0, error: 'boom' },
      ]),
    ).toBe('已重放 (replayed) p s-1: 2 events\n仍失败 (still failing) p s-2 after 0 events: boom');
  });
});
