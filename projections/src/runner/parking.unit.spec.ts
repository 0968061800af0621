import type { EntityManager } from '@mikro-orm/core';
import type { RecordedEvent } from '@jixiao/events';
import { deadLetterId, EventFailedError, isParked, Parking, parkingSettingsOf, PARKED_TYPE } from './parking';

/** An entity manager whose raw SQL is answered from memory: the dead-letter rows parking writes. */
function memoryEm() {
  const letters: unknown[][] = [];
  const em = {
    fork: () => em,
    getConnection: () => ({
      execute: async (sql: string, params: unknown[] = []) => {
        if (sql.startsWith('INSERT')) letters.push(params);
        if (sql.startsWith('SELECT DISTINCT stream_id')) return letters.map((l) => ({ stream_id: l[3] }));
        if (sql.startsWith('SELECT'))
          return letters
            .filter((l) => l[3] === params[1])
            .map((l) => ({ event_id: l[2], behind: l[10], stream_version: l[4], stream_id: l[3] }));
        return [];
      },
    }),
  };
  return { em: em as unknown as EntityManager, letters };
}

const event = (streamId: string, v: number, n: number): RecordedEvent => ({
  eventId: `e${n}`,
  streamId,
  streamVersion: v,
  globalPosition: n,
  transactionId: n,
  type: 'Happened',
  schemaVersion: 1,
  data: {},
  metadata: { actorId: 't', role: 'ADMIN' },
  recordedAt: '2024-01-01T00:00:00.000Z',
  previousHash: '',
  hash: '',
});

describe('parking', () => {
  const batch = [event('s-1', 1, 1), event('s-2', 1, 2), event('s-1', 2, 3)];
  /** An apply that throws on e1 while it is not masked, and records what each call was handed. */
  const failingOnFirst = () => {
    const calls: string[][] = [];
    const apply = async (events: RecordedEvent[]) => {
      calls.push(events.map((e) => (isParked(e) ? `${e.eventId}:parked` : e.eventId)));
      const bad = events.find((e) => e.eventId === 'e1' && !isParked(e));
      if (bad) throw new EventFailedError(bad, new Error('boom'));
    };
    return { calls, apply };
  };

  it.each([1, 2, 5])(
    'tries a failing event %i time(s), then parks it and the later event of its stream',
    async (max) => {
      const { em, letters } = memoryEm();
      const { calls, apply } = failingOnFirst();
      await new Parking(em, 'p', { maxAttempts: max, retryDelayMs: 0, log: () => undefined }).run(batch, apply);
      expect(calls).toHaveLength(max + 1);
      expect(calls.at(-1)).toEqual(['e1:parked', 'e2', 'e3:parked']);
      expect(letters.map((l) => [l[0], l[2], l[9], l[10]])).toEqual([
        [deadLetterId('p', 'e1'), 'e1', max, null],
        [deadLetterId('p', 'e3'), 'e3', 0, 'e1'],
      ]);
    },
  );

  it('parks nothing when a retry succeeds before the last attempt', async () => {
    const { em, letters } = memoryEm();
    let failures = 0;
    await new Parking(em, 'p', { maxAttempts: 3, retryDelayMs: 0, log: () => undefined }).run(batch, async (events) => {
      if (failures++ < 2) throw new EventFailedError(events[0]!, new Error('flaky'));
    });
    expect(failures).toBe(3);
    expect(letters).toEqual([]);
  });

  it('passes on a failure that names no event of the batch (the database away): the caller retries', async () => {
    const { em, letters } = memoryEm();
    const down = new Error('connection refused');
    await expect(
      new Parking(em, 'p', { maxAttempts: 1, retryDelayMs: 0, log: () => undefined }).run(batch, async () => {
        throw down;
      }),
    ).rejects.toBe(down);
    expect(letters).toEqual([]);
  });

  it('parks every event of a stream that already has a dead letter, without trying it', async () => {
    const { em, letters } = memoryEm();
    const { apply } = failingOnFirst();
    await new Parking(em, 'p', { maxAttempts: 1, retryDelayMs: 0, log: () => undefined }).run(batch, apply);
    const handed: string[][] = [];
    await new Parking(em, 'p', { maxAttempts: 1, retryDelayMs: 0, log: () => undefined }).run(
      [event('s-1', 3, 4), event('s-3', 1, 5)],
      async (events) => {
        handed.push(events.map((e) => e.type));
      },
    );
    expect(handed).toEqual([[PARKED_TYPE, 'Happened']]);
    expect(letters.map((l) => l[2])).toEqual(['e1', 'e3', 'e4']);
  });

  it('reads the attempts and the pause from the environment, within bounds', () => {
    expect(parkingSettingsOf({})).toEqual({ maxAttempts: 3, retryDelayMs: 200 });
    expect(parkingSettingsOf({ JIXIAO_MAX_ATTEMPTS: '1', JIXIAO_RETRY_DELAY_MS: '0' })).toEqual({
      maxAttempts: 1,
      retryDelayMs: 0,
    });
    expect(parkingSettingsOf({ JIXIAO_MAX_ATTEMPTS: '100' }).maxAttempts).toBe(100);
    expect(() => parkingSettingsOf({ JIXIAO_MAX_ATTEMPTS: '0' })).toThrow(/JIXIAO_MAX_ATTEMPTS/);
    expect(() => parkingSettingsOf({ JIXIAO_MAX_ATTEMPTS: '101' })).toThrow(/JIXIAO_MAX_ATTEMPTS/);
    expect(() => parkingSettingsOf({ JIXIAO_RETRY_DELAY_MS: '-1' })).toThrow(/JIXIAO_RETRY_DELAY_MS/);
  });
});
