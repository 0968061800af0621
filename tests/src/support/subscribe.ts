import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { GqlResult, TestPlatform } from './platform';

/** One live subscription through the gateway's WebSocket endpoint, as a client app holds it. */
export interface LiveSubscription<T> {
  /** The next message (data or errors); rejects after `timeoutMs` without one. */
  next(timeoutMs?: number): Promise<GqlResult<T>>;
  /** Resolves true if nothing arrives within `ms` (for "does not fire" checks). */
  silentFor(ms: number): Promise<boolean>;
  /** Whether a message is waiting to be read. */
  pending(): boolean;
  /** Whether the server completed the operation (after an error, say). */
  readonly completed: boolean;
  close(): Promise<void>;
}

/**
 * Subscribes over graphql-ws with the token in `connectionParams.authorization` (what a browser
 * must do: it cannot set headers on a WebSocket). Resolves once the server acknowledged the
 * connection; the subscription itself starts at the same time.
 */
export async function subscribeWs<T = Record<string, unknown>>(
  wsUrl: string,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<LiveSubscription<T>> {
  const received: GqlResult<T>[] = [];
  const waiters: (() => void)[] = [];
  let completed = false;
  const wake = () => waiters.splice(0).forEach((w) => w());
  const client: Client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined, // a refused connection is reported by the promise below
  });
  await new Promise<void>((resolve, reject) => {
    const off = client.on('connected', () => {
      off();
      resolve();
    });
    client.on('closed', (event) => {
      const { code, reason } = event as { code?: number; reason?: string };
      reject(new Error(`closed before connecting: ${code} ${reason}`));
    });
  });
  client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        received.push({ status: 200, raw: JSON.stringify(value), ...(value as object) } as GqlResult<T>);
        wake();
      },
      error: (error) => {
        const errors = Array.isArray(error) ? error : [{ message: String((error as Error)?.message ?? error) }];
        received.push({ status: 200, raw: JSON.stringify(errors), errors } as GqlResult<T>);
        completed = true;
        wake();
      },
      complete: () => {
        completed = true;
        wake();
      },
    },
  );
  const waitFor = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  return {
    async next(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length === 0) {
        if (completed) throw new Error('the subscription completed without another message');
        if (!(await waitFor(deadline - Date.now()))) throw new Error(`no message within ${timeoutMs} ms`);
      }
      return received.shift()!;
    },
    async silentFor(ms) {
      if (received.length > 0) return false;
      await waitFor(ms);
      return received.length === 0;
    },
    pending: () => received.length > 0,
    get completed() {
      return completed;
    },
    close: () => client.dispose() as Promise<void>,
  };
}

/**
 * Subscribes as `token` and resolves once the subscription is live in the planning service (its
 * listener is registered, so a change made now is delivered) or has already answered (a refusal).
 */
export async function subscribeLive<T = Record<string, unknown>>(
  p: Pick<TestPlatform, 'wsUrl' | 'liveListeners'>,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
  projection = 'planning.goals',
): Promise<LiveSubscription<T>> {
  const before = p.liveListeners(projection);
  const live = await subscribeWs<T>(p.wsUrl, token, query, variables);
  const deadline = Date.now() + 10_000;
  while (p.liveListeners(projection) <= before && !live.pending() && !live.completed) {
    if (Date.now() > deadline) throw new Error('the subscription neither started nor answered within 10 s');
    await new Promise((r) => setTimeout(r, 10));
  }
  return {
    ...live,
    pending: live.pending,
    get completed() {
      return live.completed;
    },
    // closed once the service dropped its listener too, so the next subscription counts from here
    async close() {
      await live.close();
      const until = Date.now() + 5_000;
      while (p.liveListeners(projection) > before && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    },
  };
}
