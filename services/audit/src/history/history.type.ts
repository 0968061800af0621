import { GraphQLScalarType } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** graphql-scalars' JSONObject, described for our users. */
const JSONObject = new GraphQLScalarType({
  ...GraphQLJSONObject.toConfig(),
  description: 'JSON 对象，即事件原样存储的数据 (a JSON object: data exactly as stored)',
});

@ObjectType({ description: '事件操作人 (Who caused an event)' })
export class EventActor {
  @Field({ description: '用户标识 (user id)' })
  actorId!: string;

  @Field({ description: '角色 (role)' })
  role!: string;

  @Field(() => String, { nullable: true, description: '所属单位 (unit)' })
  unitId!: string | null;
}

@ObjectType({ description: '审计事件：不可篡改的决定记录 (An immutable, hash-chained event)' })
export class AuditEvent {
  @Field(() => ID, { description: '事件标识 (event id)' })
  eventId!: string;

  @Field({ description: '事件流 (stream id)' })
  streamId!: string;

  @Field(() => Int, { description: '流内版本 (stream version)' })
  streamVersion!: number;

  @Field(() => Int, { description: '全局位置 (global position)' })
  globalPosition!: number;

  @Field({ description: '事件类型 (event type)' })
  type!: string;

  @Field(() => Int, { description: '数据格式版本 (schema version)' })
  schemaVersion!: number;

  @Field(() => JSONObject, { description: '事件数据 (event data)' })
  data!: Record<string, unknown>;

  @Field(() => EventActor, { description: '操作人 (actor)' })
  actor!: EventActor;

  @Field(() => JSONObject, {
    description: '完整元数据，哈希计算包含此项 (full metadata, as covered by the hash)',
  })
  metadata!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: '命令标识 (command id)' })
  commandId!: string | null;

  @Field({ description: '记录时间 (recorded at, ISO-8601)' })
  recordedAt!: string;

  @Field({ description: '前一事件哈希 (previous hash in the stream)' })
  previousHash!: string;

  @Field({ description: '本事件哈希 SHA-256 (hash)' })
  hash!: string;
}

@ObjectType({ description: '事件流哈希链核验结果 (Result of verifying a stream’s hash chain)' })
export class StreamVerification {
  @Field({ description: '事件流 (stream id)' })
  streamId!: string;

  @Field({ description: '是否完整未被篡改 (intact)' })
  ok!: boolean;

  @Field(() => Int, { description: '事件数 (events checked)' })
  eventCount!: number;

  @Field(() => Int, { nullable: true, description: '首个异常的流内版本 (first broken stream version)' })
  brokenAtVersion!: number | null;

  @Field(() => ID, { nullable: true, description: '首个异常事件标识 (first broken event id)' })
  brokenEventId!: string | null;

  @Field(() => String, { nullable: true, description: '异常原因 (reason)' })
  reason!: string | null;
}

/** An entity of another context, as the audit subgraph extends it: its key. */
export interface AuditedRef {
  id: string;
}
