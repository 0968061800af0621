import { onceUntilFailed } from './deadlines';

describe('onceUntilFailed (the deadline table, created once)', () => {
  it('makes it once for every caller, concurrent or later, once it has succeeded', async () => {
    let calls = 0;
    const ready = onceUntilFailed(async () => void calls++);
    await Promise.all([ready(), ready(), ready()]);
    await ready();
    expect(calls).toBe(1);
  });

  it('makes it again on the next call after a failure, and keeps the success after that', async () => {
    const outcomes = [new Error('database away'), null, new Error('never reached')];
    let calls = 0;
    const ready = onceUntilFailed(async () => {
      const outcome = outcomes[calls++];
      if (outcome) throw outcome;
    });
    await expect(ready()).rejects.toThrow('database away');
    await expect(ready()).resolves.toBeUndefined();
    await expect(ready()).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
