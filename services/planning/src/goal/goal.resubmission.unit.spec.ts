import type { RecordedEvent } from '@jixiao/events';
import {
  dayAfter,
  goalResubmissionDeadline,
  resubmissionDecider,
  resubmissionDeadlineOnReturn,
  resubmittedSince,
  type ResubmissionCommand,
} from './goal.resubmission';

const decide = (history: ResubmissionCommand[], command: ResubmissionCommand) => {
  let state = resubmissionDecider.initialState();
  for (const c of history)
    for (const e of resubmissionDecider.decide(c, state)) state = resubmissionDecider.evolve(state, e);
  return resubmissionDecider.decide(command, state).map((e) => e.type);
};
const set = (deadlineId: string): ResubmissionCommand => ({
  type: 'SetResubmissionDeadline',
  goalId: 'g',
  deadlineId,
  dueDate: '2026-03-16',
  days: 15,
});
const mark = (deadlineId: string): ResubmissionCommand => ({
  type: 'MarkResubmissionOverdue',
  goalId: 'g',
  deadlineId,
  dueDate: '2026-03-16',
});

describe('a returned goal’s resubmission day', () => {
  it('is the return’s day in China plus the days allowed', () => {
    expect(dayAfter('2026-03-01T15:59:59.999Z', 15)).toBe('2026-03-16'); // 23:59 on 1 March in China
    expect(dayAfter('2026-03-01T16:00:00.000Z', 15)).toBe('2026-03-17'); // 00:00 on 2 March in China
    expect(dayAfter('2026-12-20T00:00:00.000Z', 15)).toBe('2027-01-04');
  });

  it('is set once per return and missed once', () => {
    expect(decide([], set('r1'))).toEqual(['GoalResubmissionDeadlineSet']);
    expect(decide([set('r1')], set('r1'))).toEqual([]);
    expect(decide([set('r1')], set('r2'))).toEqual(['GoalResubmissionDeadlineSet']);
    expect(decide([set('r1')], mark('r1'))).toEqual(['GoalResubmissionOverdue']);
    expect(decide([set('r1'), mark('r1')], mark('r1'))).toEqual([]);
    expect(decide([], mark('r1'))).toEqual([]);
  });

  it('follows a return only', () => {
    const reviewed = (result: string) =>
      ({
        eventId: 'r1',
        type: 'GoalReviewed',
        recordedAt: '2026-03-01T02:00:00.000Z',
        data: { goalId: 'g', result },
      }) as unknown as RecordedEvent;
    expect(resubmissionDeadlineOnReturn.react(reviewed('APPROVE'), {} as never)).toEqual([]);
    expect(resubmissionDeadlineOnReturn.react(reviewed('RETURN'), {} as never)).toMatchObject([
      { streamId: 'goalresubmission-g', command: { deadlineId: 'r1', dueDate: '2026-03-16', days: 15 } },
    ]);
  });

  it('is met by a resubmission after that return, not before it', () => {
    const stream = [
      { eventId: 'a', type: 'GoalSubmitted' },
      { eventId: 'r1', type: 'GoalReviewed' },
    ];
    expect(resubmittedSince(stream, 'r1')).toBe(false);
    expect(resubmittedSince([...stream, { eventId: 'b', type: 'GoalSubmitted' }], 'r1')).toBe(true);
    expect(resubmittedSince(stream, 'unknown')).toBe(false);
  });

  it('is tracked from its events: set on the goal’s stream, settled by a resubmission or the overdue event', () => {
    const event = (type: string, streamId: string, data: object) => ({ type, streamId, data }) as RecordedEvent;
    const data = { goalId: 'g', deadlineId: 'r1', dueDate: '2026-03-16' };
    expect(goalResubmissionDeadline.track(event('GoalResubmissionDeadlineSet', 'goalresubmission-g', data))).toEqual({
      set: { deadlineId: 'r1', streamId: 'goal-g', dueDate: '2026-03-16' },
    });
    expect(goalResubmissionDeadline.track(event('GoalSubmitted', 'goal-g', {}))).toEqual({ settleStream: 'goal-g' });
    expect(goalResubmissionDeadline.track(event('GoalResubmissionOverdue', 'goalresubmission-g', data))).toEqual({
      settle: ['r1'],
    });
  });
});
