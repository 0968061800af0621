import { CommandIdReusedError, derivedId, repeatOf, type RecordedCommand } from './command-ids';
import { ErrorCode } from './errors';

const recorded = (commandType: string | null): RecordedCommand => ({
  nextExpectedVersion: 1,
  events: [],
  duplicate: true,
  streamId: 'goal-1',
  commandType,
});

describe('repeatOf: one rule for a repeated command id', () => {
  it('answers the same command type on the same stream with the first result', () => {
    expect(repeatOf(recorded('SubmitGoal'), 'c1', 'goal-1', 'SubmitGoal')).toEqual(recorded('SubmitGoal'));
  });

  it('refuses another stream or another type with CONFLICT, in Chinese and English', () => {
    for (const [streamId, type] of [
      ['goal-2', 'SubmitGoal'],
      ['goal-1', 'ReviseIndicator'],
      ['goal-1', undefined],
    ] as const) {
      const attempt = () => repeatOf(recorded('SubmitGoal'), 'c1', streamId, type);
      expect(attempt).toThrow(CommandIdReusedError);
      expect(attempt).toThrow(
        expect.objectContaining({ code: ErrorCode.CONFLICT, zh: expect.stringContaining('命令编号 c1') }),
      );
    }
  });

  it('checks an id recorded without a type by its stream only', () => {
    expect(repeatOf(recorded(null), 'c1', 'goal-1', 'ReviseIndicator').streamId).toBe('goal-1');
    expect(() => repeatOf(recorded(null), 'c1', 'goal-2', 'SubmitGoal')).toThrow(CommandIdReusedError);
  });
});

describe('derivedId', () => {
  it('gives the same UUID-shaped id for the same name, another for another', () => {
    expect(derivedId('jixiao.record:c1')).toBe(derivedId('jixiao.record:c1'));
    expect(derivedId('jixiao.record:c1')).not.toBe(derivedId('jixiao.record:c2'));
    expect(derivedId('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
