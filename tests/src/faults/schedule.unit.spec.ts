import { redeliverySchedule, seededRandom } from './schedule';

const events = ['a', 'b', 'c'].flatMap((s) =>
  Array.from({ length: 6 }, (_, v) => ({ streamId: s, streamVersion: v + 1 })),
);

describe('redeliverySchedule', () => {
  const schedule = redeliverySchedule(events, seededRandom(7));

  it('delivers every event at least once and at most five times', () => {
    for (const e of events) {
      const copies = schedule.filter((x) => x === e).length;
      expect(copies).toBeGreaterThanOrEqual(1);
      expect(copies).toBeLessThanOrEqual(5);
    }
    expect(schedule.length).toBeGreaterThan(events.length);
  });

  it('never skips ahead within a stream (a partition only rewinds and reads forward)', () => {
    for (const s of ['a', 'b', 'c']) {
      let highest = 0;
      const versions = schedule.filter((e) => e.streamId === s).map((e) => e.streamVersion);
      for (const v of versions) {
        expect(v).toBeLessThanOrEqual(highest + 1);
        highest = Math.max(highest, v);
      }
      expect(highest).toBe(6);
    }
  });

  it('interleaves the streams', () => {
    const firstOfC = schedule.findIndex((e) => e.streamId === 'c');
    const lastOfA = schedule.map((e) => e.streamId).lastIndexOf('a');
    expect(firstOfC).toBeLessThan(lastOfA);
  });
});
