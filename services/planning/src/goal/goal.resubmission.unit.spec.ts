import { BUILTIN_PROFILES, type RecordedEvent } from '@jixiao/events';
import type { ReactionLookups } from '@jixiao/service-kit';
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

  it('follows a return only, with the period of the rule profile in force for the goal’s division and year', async () => {
    const reviewed = (result: string) =>
      ({
        eventId: 'r1',
        type: 'GoalReviewed',
        recordedAt: '2026-03-01T02:00:00.000Z',
        data: { goalId: 'g', result },
      }) as unknown as RecordedEvent;
    const asked: { streamId?: string; where?: unknown } = {};
    const lookups = (published: object[]) =>
      ({
        store: {
          readStream: async (streamId: string) => {
            asked.streamId = streamId;
            return [{ data: { goalId: 'g', divisionCode: '429006', fiscalYear: 2026 } }];
          },
        },
        em: () => ({
          find: async (_schema: unknown, where: unknown) => {
            asked.where = where;
            return published;
          },
        }),
        now: () => new Date(),
      }) as unknown as ReactionLookups;
    expect(await resubmissionDeadlineOnReturn.react(reviewed('APPROVE'), lookups([]))).toEqual([]);
    // nobody published for 2026: the built-in (national, Hubei) 15 days
    expect(await resubmissionDeadlineOnReturn.react(reviewed('RETURN'), lookups([]))).toMatchObject([
      { streamId: 'goalresubmission-g', command: { deadlineId: 'r1', dueDate: '2026-03-16', days: 15 } },
    ]);
    expect(asked.streamId).toBe('goal-g');
    expect(asked.where).toMatchObject({ fiscalYear: 2026 });
    // the county published 10 days for 2026
    const county = {
      profileId: '429006-2026',
      version: 1,
      name: '天门市规则',
      divisionCode: '429006',
      fiscalYear: 2026,
      rules: { ...BUILTIN_PROFILES[1]!.rules, goalResubmissionDays: 10 },
    };
    expect(await resubmissionDeadlineOnReturn.react(reviewed('RETURN'), lookups([county]))).toMatchObject([
      { command: { dueDate: '2026-03-11', days: 10 } },
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
