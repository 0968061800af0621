import { setTimeout as sleep } from 'node:timers/promises';
import { accessStreamId, ConcurrencyError, type DataOf, type EventStore, type SensitiveDataRead } from '@jixiao/events';
import { metadataOf, toGraphQLError, type RequestContext, type SubgraphPlugin } from '@jixiao/service-kit';

type Read = DataOf<typeof SensitiveDataRead>['reads'][number];

/** The reads of each request in flight, keyed by its context (one object per request). */
const pending = new WeakMap<RequestContext, Read[]>();

/** Notes that this request read a stream; {@link JixiaoPluginAccessLog} records it before the answer leaves. */
export function noteRead(ctx: RequestContext, read: Read): void {
  const reads = pending.get(ctx);
  if (reads) reads.push(read);
  else pending.set(ctx, [read]);
}

/**
 * Appends one `SensitiveDataRead` naming every stream the request read to the reader's
 * `access-<userId>` stream. Concurrent requests of one reader race for that stream's head: a
 * conflict means another record was appended, so it is retried (after a short random pause) until
 * it lands — an access record never fails a read by racing. Nothing is appended when nothing was read.
 */
export async function recordReads(store: EventStore, ctx: RequestContext): Promise<void> {
  const reads = pending.get(ctx);
  if (!reads?.length) return;
  pending.delete(ctx);
  // resolvers finish in any order; the record lists the streams in one that does not depend on it
  reads.sort((a, b) => a.streamId.localeCompare(b.streamId) || a.resource.localeCompare(b.resource));
  for (;;) {
    try {
      await store.appendToStream(accessStreamId(ctx.actor.userId), [{ type: 'SensitiveDataRead', data: { reads } }], {
        expectedVersion: 'any',
        metadata: metadataOf(ctx),
      });
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      await sleep(Math.random() * 20);
    }
  }
}

/**
 * Records each request's sensitive reads as one event before its answer is sent, so a read that
 * was not recorded never reaches the reader: when the record cannot be written, the answer is
 * replaced by an INTERNAL_SERVER_ERROR (correlation id in the log) and no data.
 */
export function JixiaoPluginAccessLog(store: EventStore): SubgraphPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          try {
            await recordReads(store, contextValue);
          } catch (error) {
            response.body = { kind: 'single', singleResult: { errors: [toGraphQLError(error, 500)] } };
            response.http.status = 500;
          }
        },
      };
    },
  };
}
