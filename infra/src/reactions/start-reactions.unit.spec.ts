import { schedulerIntervalOf } from './start-reactions';

describe('JIXIAO_SCHEDULER_INTERVAL_MS', () => {
  it('is 1000 ms unless set, and an integer from 100 to 3,600,000', () => {
    expect(schedulerIntervalOf({})).toBe(1000);
    expect(schedulerIntervalOf({ JIXIAO_SCHEDULER_INTERVAL_MS: '100' })).toBe(100);
    expect(schedulerIntervalOf({ JIXIAO_SCHEDULER_INTERVAL_MS: '3600000' })).toBe(3_600_000);
    for (const wrong of ['99', '3600001', '-5', '1.5', 'soon'])
      expect(() => schedulerIntervalOf({ JIXIAO_SCHEDULER_INTERVAL_MS: wrong })).toThrow(
        /JIXIAO_SCHEDULER_INTERVAL_MS/,
      );
  });
});
