import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { EventStore } from '@jixiao/events';
import type { AuditedEntity, RequestContext } from '@jixiao/service-kit';
import { toAuditEvent } from './history.resolver';
import { AuditEvent, type AuditedRef } from './history.type';
import { noteRead } from './record-read';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own class type
type ClassType = Function;

/**
 * `<Type>.history` for an entity another context declares audited (`ContextModule.audited`): the
 * entity type as the audit subgraph extends it (its key only), and the resolver of its `history`,
 * read from the event store and noted for the access log like every other read of a history.
 */
export function historyField(store: EventStore, entity: AuditedEntity): { type: ClassType; resolver: object } {
  // no description: the owning context's describes the type in the supergraph
  @Directive('@key(fields: "id")')
  @ObjectType(entity.type)
  class Audited implements AuditedRef {
    @Field(() => ID)
    id!: string;
  }

  @Resolver(() => Audited)
  class AuditedHistoryResolver {
    @FieldResolver(() => [AuditEvent], {
      description: `该${entity.label.zh}的事件历史，含哈希 (this ${entity.label.en.toLowerCase()}’s event history, with hashes)`,
    })
    async history(@Root() ref: Audited, @Ctx() ctx: RequestContext): Promise<AuditEvent[]> {
      const streamId = `${entity.streamCategory}-${ref.id}`;
      const events = await store.readStream(streamId);
      noteRead(ctx, { resource: `${entity.type}.history`, streamId, eventCount: events.length });
      return events.map(toAuditEvent);
    }
  }
  return { type: Audited, resolver: new AuditedHistoryResolver() };
}
