import { accessStreamId, ConcurrencyError, type EventStore, type SENSITIVE_RESOURCES } from '@jixiao/events';
import { metadataOf, type RequestContext } from '@jixiao/service-kit';

type Resource = (typeof SENSITIVE_RESOURCES)[number];

/** Parallel reads by one user (a list of goals with their histories) race to create the same stream. */
const ATTEMPTS = 5;

/**
 * Reading an event history is itself a fact: it is appended to the reader's `access-<userId>`
 * stream before the data is returned, so a read that was not recorded never happened.
 */
export async function recordRead(
  store: EventStore,
  ctx: RequestContext,
  resource: Resource,
  streamId: string,
  eventCount: number,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.appendToStream(
        accessStreamId(ctx.actor.userId),
        [{ type: 'SensitiveDataRead', data: { resource, streamId, eventCount } }],
        { expectedVersion: 'any', metadata: metadataOf(ctx) },
      );
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
