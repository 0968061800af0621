import type { ExecutionResult } from 'graphql';
import { heapAfterGc } from '@jixiao/events';
import { endingAt } from './ending-at';

const HOUR = 3_600_000;

/**
 * An upstream that sends `count` results, then stays open until returned (as the gateway's do: a
 * return ends a pending `next`); whether it was returned.
 */
function upstream(count: number, onResult: (n: number) => void = () => undefined) {
  const state = { returned: false };
  let sent = 0;
  let pending: ((result: IteratorResult<ExecutionResult>) => void) | null = null;
  const results: AsyncIterableIterator<ExecutionResult> = {
    next() {
      if (state.returned) return Promise.resolve({ done: true, value: undefined });
      if (sent === count) return new Promise((resolve) => (pending = resolve));
      onResult(++sent);
      return Promise.resolve({ done: false, value: { data: { n: sent } } });
    },
    async return() {
      state.returned = true;
      pending?.({ done: true, value: undefined });
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => results,
  };
  return { results, state };
}

describe('endingAt: a subscription until its token expires', () => {
  it('passes every result on while the token is valid', async () => {
    const { results } = upstream(3);
    const seen: unknown[] = [];
    for await (const result of endingAt(results, Date.now() + HOUR)) {
      seen.push(result.data);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('ends with UNAUTHENTICATED 访问令牌已过期 when the token expires, and closes the upstream', async () => {
    const { results, state } = upstream(1);
    const seen: ExecutionResult[] = [];
    for await (const result of endingAt(results, Date.now() + 30)) seen.push(result);
    expect(seen[0]).toEqual({ data: { n: 1 } });
    expect(seen).toHaveLength(2);
    expect(seen[1]!.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(seen[1]!.errors?.[0]?.message).toContain('访问令牌已过期');
    expect(state.returned).toBe(true);
  });

  it('holds no memory per result: the heap after 20,000 more results is what it was', async () => {
    const heap: number[] = [];
    const count = 21_000;
    // measured inside the upstream, at the same point of the loop each time
    const { results } = upstream(count, (n) => {
      if (n === 1_000 || n === count) heap.push(heapAfterGc());
    });
    let received = 0;
    for await (const _ of endingAt(results, Date.now() + HOUR)) if (++received === count) break;
    // racing each result against a promise settled at expiry kept ~450 bytes a result: ~9 MB here
    expect(heap[1]! - heap[0]!).toBeLessThan(1_000_000);
  });

  it('holds a token valid for longer than a timer can wait (24.8 days)', async () => {
    const { results } = upstream(1);
    const iterator = endingAt(results, Date.now() + 40 * 24 * HOUR);
    expect((await iterator.next()).value).toEqual({ data: { n: 1 } });
    const second = iterator.next();
    const outcome = await Promise.race([
      second.then(() => 'ended'),
      new Promise((resolve) => setTimeout(() => resolve('still open'), 50)),
    ]);
    expect(outcome).toBe('still open');
    await results.return!();
    expect(await second).toEqual({ done: true, value: undefined });
  });
});
