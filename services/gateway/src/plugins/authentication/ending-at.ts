import { GraphQLError, type ExecutionResult } from 'graphql';
import { tokenExpired, toGraphQLError } from '@jixiao/service-kit';

/** Longest delay `setTimeout` keeps; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const EXPIRED = Symbol('expired');

/**
 * A subscription's results until the caller's token expires; then one UNAUTHENTICATED error
 * (访问令牌已过期) and the end, upstream included. A client subscribes again with a new token.
 */
export async function* endingAt(
  results: AsyncIterable<ExecutionResult>,
  expiresAt: number,
): AsyncGenerator<ExecutionResult, void, undefined> {
  const iterator = results[Symbol.asyncIterator]();
  // The expiry aborts a signal that each wait listens to only while it waits. Not a race against a
  // promise settled at expiry: every result would add a reaction to it, all kept until the token expires.
  const expiry = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const left = expiresAt - Date.now();
    if (left <= 0) expiry.abort();
    else timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
  };
  arm();
  try {
    for (;;) {
      const next = await unlessAborted(iterator.next(), expiry.signal);
      if (next === EXPIRED) {
        const error = toGraphQLError(tokenExpired(), 401);
        const { http: _http, ...extensions } = error.extensions;
        yield { errors: [new GraphQLError(error.message, { extensions })] };
        return;
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    clearTimeout(timer);
    await iterator.return?.();
  }
}

/** `promise`'s outcome, or EXPIRED if `signal` aborts first; its listener on `signal` is gone either way. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof EXPIRED> {
  if (signal.aborted) return Promise.resolve(EXPIRED);
  return new Promise((resolve, reject) => {
    const expired = () => resolve(EXPIRED);
    signal.addEventListener('abort', expired, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', expired);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', expired);
        reject(error);
      },
    );
  });
}
