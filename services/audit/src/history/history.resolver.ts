import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { NotFoundError, ValidationError, type EventStore, type RecordedEvent } from '@jixiao/events';
import type { RequestContext } from '@jixiao/service-kit';
import { noteRead } from './record-read';
import { AuditEvent, StreamVerification } from './history.type';

export const toAuditEvent = (e: RecordedEvent): AuditEvent => ({
  eventId: e.eventId,
  streamId: e.streamId,
  streamVersion: e.streamVersion,
  globalPosition: e.globalPosition,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data as Record<string, unknown>,
  actor: { actorId: e.metadata.actorId, role: e.metadata.role, unitId: e.metadata.unitId ?? null },
  metadata: { ...e.metadata },
  commandId: e.metadata.commandId ?? null,
  recordedAt: e.recordedAt,
  previousHash: e.previousHash,
  hash: e.hash,
});

const STREAM_ID = /^[a-z]+-[A-Za-z0-9._@:-]+$/;

function checkStreamId(streamId: string): void {
  if (!STREAM_ID.test(streamId)) {
    throw new ValidationError({
      zh: `事件流标识格式不正确：${streamId}（例如 goal-<目标标识>）`,
      en: `Malformed stream id ${streamId} (e.g. goal-<goal id>)`,
    });
  }
}

/**
 * The read side of the audit trail: the event store itself, never a read model. Each read is
 * noted on the request; the access log plugin records them all as one event before the answer.
 */
@Resolver()
export class HistoryResolver {
  constructor(private readonly store: EventStore) {}

  @Query(() => [AuditEvent], { description: '事件流的完整历史及哈希 (A stream’s full history with hashes)' })
  async streamHistory(
    @Arg('streamId', { description: '事件流标识，如 goal-<id> (stream id, e.g. goal-<id>)' }) streamId: string,
    @Arg('fromVersion', () => Int, {
      nullable: true,
      description: '从哪个版本起（含）(first stream version to return)',
    })
    fromVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditEvent[]> {
    checkStreamId(streamId);
    const events = await this.store.readStream(streamId, { fromVersion: fromVersion ?? 1 });
    noteRead(ctx, { resource: 'Query.streamHistory', streamId, eventCount: events.length });
    return events.map(toAuditEvent);
  }

  @Query(() => StreamVerification, { description: '核验事件流哈希链 (Verify a stream’s hash chain)' })
  async verifyStream(
    @Arg('streamId', { description: '事件流标识，如 goal-<id> (stream id, e.g. goal-<id>)' }) streamId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<StreamVerification> {
    checkStreamId(streamId);
    const r = await this.store.verifyStream(streamId);
    // a broken chain still holds its events: the auditor is told how many, not 0
    const eventCount = r.ok ? r.eventCount : (await this.store.readStream(streamId)).length;
    noteRead(ctx, { resource: 'Query.verifyStream', streamId, eventCount });
    if (r.ok && r.eventCount === 0) {
      throw new NotFoundError({
        zh: `事件流 ${streamId} 不存在，无可核验内容`,
        en: `Stream ${streamId} does not exist; nothing to verify`,
      });
    }
    return r.ok
      ? { streamId, ok: true, eventCount: r.eventCount, brokenAtVersion: null, brokenEventId: null, reason: null }
      : {
          streamId,
          ok: false,
          eventCount,
          brokenAtVersion: r.brokenAtVersion,
          brokenEventId: r.eventId,
          reason: r.reason,
        };
  }
}
