import { BUILTIN_PROFILES, type RecordedEvent } from '@jixiao/events';
import type { ReactionLookups } from '@jixiao/service-kit';
import {
  dayAfter,
  goalResubmissionDeadline,
  resubmissionDecider,
  resubmissionDeadlineOnReturn,
  resubmissionDaysOf,
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

  describe('once its day has passed', () => {
    const deadline = {
      kind: 'planning.goal-resubmission',
      deadlineId: 'r1',
      streamId: 'goal-g',
      dueDate: '2026-03-16',
      dueAt: '2026-03-16T16:00:00.000Z',
      sourceEventId: 'r1',
      correlationId: null,
      unitId: null,
    };
    const withGoalStream = (events: { eventId: string; type: string }[]) =>
      ({
        store: { readStream: async (streamId: string) => (streamId === 'goal-g' ? events : []) },
      }) as unknown as ReactionLookups;
    const returned = [
      { eventId: 'a', type: 'GoalSubmitted' },
      { eventId: 'r1', type: 'GoalReviewed' },
    ];

    it('given no resubmission on the goal’s stream, when checked, then the goal is marked overdue on its resubmission stream', async () => {
      expect(await goalResubmissionDeadline.passed(deadline, withGoalStream(returned))).toEqual({
        streamId: 'goalresubmission-g',
        decider: resubmissionDecider,
        command: { type: 'MarkResubmissionOverdue', goalId: 'g', deadlineId: 'r1', dueDate: '2026-03-16' },
      });
    });

    it('given a resubmission the tracker has not seen yet, when checked, then nothing is marked', async () => {
      const resubmitted = [...returned, { eventId: 'b', type: 'GoalSubmitted' }];
      expect(await goalResubmissionDeadline.passed(deadline, withGoalStream(resubmitted))).toBeNull();
    });
  });

  describe('its state', () => {
    const { evolve, initialState } = resubmissionDecider;
    const setEvent = {
      type: 'GoalResubmissionDeadlineSet',
      data: { goalId: 'g', deadlineId: 'r1', dueDate: '2026-03-16', days: 15 },
    };
    const overdue = (deadlineId: string) => ({
      type: 'GoalResubmissionOverdue',
      data: { goalId: 'g', deadlineId, dueDate: '2026-03-16' },
    });

    it('given a day set, when it is missed, then that day alone is overdue', () => {
      const other = { ...setEvent, data: { ...setEvent.data, deadlineId: 'r2', dueDate: '2026-04-01' } };
      const state = [setEvent, other, overdue('r1')].reduce(evolve, initialState());
      expect(state).toEqual({
        r1: { dueDate: '2026-03-16', overdue: true },
        r2: { dueDate: '2026-04-01', overdue: false },
      });
    });

    it('given no day set, when an overdue or another event arrives, then nothing changes', () => {
      const state = [overdue('r9'), { type: 'GoalSubmitted', data: {} }].reduce(evolve, initialState());
      expect(state).toEqual({});
    });
  });

  it('given a goal stream without its division and year, when its period is asked, then it fails naming the goal', async () => {
    const lookups = {
      store: {
        readStream: async () => [{ data: { goalId: 'g', divisionCode: '429006' } }, { data: { fiscalYear: 2026 } }],
      },
    } as unknown as ReactionLookups;
    await expect(resubmissionDaysOf('g', lookups)).rejects.toThrow('goal g has no event naming its division and year');
  });
});
