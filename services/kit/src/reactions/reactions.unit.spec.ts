import { ConcurrencyError, IllegalStateError, type RecordedEvent } from '@jixiao/events';
import { EventFailedError } from '@jixiao/projections';
import { deadlineCommandId, dueAtOf, isPast } from './deadlines';
import { blame } from './issue';
import { causedBy, reactionCommandId } from './reaction';

const source = {
  eventId: '11111111-1111-4111-8111-111111111111',
  metadata: { actorId: 'u', role: 'UNIT', unitId: 'unit-1', correlationId: 'c-9' },
} as RecordedEvent;

describe('a deadline day', () => {
  it('ends at midnight in China: passed from its first instant after, not one ms before', () => {
    const dueAt = dueAtOf('2024-06-30');
    expect(dueAt.toISOString()).toBe('2024-06-30T16:00:00.000Z');
    expect(isPast(dueAt, new Date('2024-06-30T15:59:59.999Z'))).toBe(false);
    expect(isPast(dueAt, new Date('2024-06-30T16:00:00.000Z'))).toBe(true);
    expect(isPast(dueAt, new Date('2024-06-30T16:00:00.001Z'))).toBe(true);
  });

  it('refuses what is not a day', () => {
    expect(() => dueAtOf('2024-6-30')).toThrow(/not a day/);
    expect(() => dueAtOf('2024-13-01')).toThrow(/not a day/);
  });
});

describe('derived command ids', () => {
  it('are the same for the same source and differ by reaction, event, index and deadline', () => {
    const id = reactionCommandId('planning.x', source.eventId, 0);
    expect(reactionCommandId('planning.x', source.eventId, 0)).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(
      new Set([
        id,
        reactionCommandId('planning.y', source.eventId, 0),
        reactionCommandId('planning.x', '22222222-2222-4222-8222-222222222222', 0),
        reactionCommandId('planning.x', source.eventId, 1),
        deadlineCommandId('planning.x', source.eventId),
      ]).size,
    ).toBe(5);
    expect(deadlineCommandId('k', 'd1')).toBe(deadlineCommandId('k', 'd1'));
    expect(deadlineCommandId('k', 'd1')).not.toBe(deadlineCommandId('k', 'd2'));
  });
});

describe('what a reaction records and blames', () => {
  it('records the reaction as actor, caused by the source event, in its correlation and unit', () => {
    expect(causedBy('planning.x', source)).toEqual({
      actorId: 'system:planning.x',
      role: 'SYSTEM',
      unitId: 'unit-1',
      correlationId: 'c-9',
      causationId: source.eventId,
    });
    const uncorrelated = { ...source, metadata: { actorId: 'u', role: 'UNIT' } } as RecordedEvent;
    expect(causedBy('planning.x', uncorrelated).correlationId).toBe(source.eventId);
  });

  it('blames the event for a refusal by the decider, not for a concurrent write or the database', () => {
    const refused = blame(source, new IllegalStateError({ zh: '不行', en: 'no' }));
    expect(refused).toBeInstanceOf(EventFailedError);
    const concurrent = new ConcurrencyError('goal-1', 1, 2);
    expect(blame(source, concurrent)).toBe(concurrent);
    const down = new Error('ECONNREFUSED');
    expect(blame(source, down)).toBe(down);
  });
});
