import { EntitySchema } from '@mikro-orm/core';
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import { defineEvent, invalid, type DataOf, type Decider, type RecordedEvent } from '@jixiao/events';
import { defineProjection, rowStorage, type Versioned } from '@jixiao/projections';
import {
  buildFederatedSubgraph,
  execute,
  newRecordId,
  type ContextModule,
  type RequestContext,
  type ServiceDeps,
} from '@jixiao/service-kit';

/**
 * A test-only bounded context, `notice` (通知公告): one event, one stream category, one projection,
 * one subgraph with a query and a mutation, and their policy rows — built the way
 * docs/architecture/adding-a-context.md says, and registered by adding it to the list.
 */

// events/src/notice/ — the contract
export const NoticePosted = defineEvent({
  type: 'NoticePosted',
  context: 'notice',
  description: '通知已发布 — a notice was posted (test-only context)',
  schemaVersion: 1,
  schema: z.object({ noticeId: z.string().min(1), title: z.string().min(1).max(100) }),
});
export const noticeStreamId = (id: string) => `notice-${id}`;

// services/notice/ — the decider
type PostNotice = { noticeId: string; title: string };
type NoticeEvent = { type: 'NoticePosted'; data: DataOf<typeof NoticePosted> };
const noticeDecider: Decider<PostNotice, NoticeEvent, { posted: boolean }> = {
  initialState: () => ({ posted: false }),
  evolve: () => ({ posted: true }),
  decide: (command, state) => {
    if (state.posted) return [];
    if (!command.title.trim())
      throw invalid([{ path: 'title', zh: '标题不能为空', en: 'the title must not be empty' }]);
    return [{ type: 'NoticePosted', data: { noticeId: command.noticeId, title: command.title } }];
  },
};

// projections/src/notice/ — the read model
interface NoticeRow extends Versioned {
  noticeId: string;
  title: string;
}
const NoticeRowSchema = new EntitySchema<NoticeRow>({
  name: 'NoticeRow',
  tableName: 'rm_test_notice',
  properties: {
    noticeId: { type: 'string', primary: true },
    streamId: { type: 'string', index: true },
    lastVersion: { type: 'integer' },
    title: { type: 'string' },
  },
});
const noticesProjection = defineProjection<NoticeRow>({
  name: 'notice.notices',
  handles: ['NoticePosted'],
  entities: [NoticeRowSchema],
  evolve: (row, event: RecordedEvent) => {
    const d = event.data as DataOf<typeof NoticePosted>;
    return { ...row, noticeId: d.noticeId, title: d.title, streamId: event.streamId, lastVersion: event.streamVersion };
  },
  ...rowStorage(NoticeRowSchema, 'noticeId'),
});

// services/notice/ — the subgraph
@ObjectType({ description: '通知 (a notice)' })
class Notice {
  @Field(() => ID) id!: string;
  @Field() title!: string;
}

@Resolver(() => Notice)
class NoticeResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @Query(() => [Notice], { description: '通知列表 (notices)' })
  async notices(): Promise<Notice[]> {
    const rows = await this.deps.em().find(NoticeRowSchema, {}, { orderBy: { title: 'asc' } });
    return rows.map((r) => ({ id: r.noticeId, title: r.title }));
  }

  @Mutation(() => Notice, { description: '发布通知 (post a notice)' })
  async postNotice(
    @Arg('title') title: string,
    @Arg('commandId', () => ID, { nullable: true }) commandId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Notice> {
    const noticeId = newRecordId(commandId);
    await execute(this.deps, ctx, noticeStreamId(noticeId), noticeDecider, { noticeId, title }, { commandId });
    const row = await this.deps.em().findOneOrFail(NoticeRowSchema, { noticeId });
    return { id: row.noticeId, title: row.title };
  }
}

/** Its rows of the policy: the performance section posts, it and the auditors read. */
const noticePolicy = {
  'Query.notices': { PERFORMANCE_SECTION: 'ALL', AUDITOR: 'ALL' },
  'Mutation.postNotice': { PERFORMANCE_SECTION: 'ALL' },
} as const;

/** The manifest: everything the platform needs to know of the context. */
export const noticeContext: ContextModule = {
  name: 'notice',
  title: { zh: '通知公告（测试）', en: 'Notices (test only)' },
  events: [NoticePosted],
  streamCategories: ['notice'],
  projections: [noticesProjection],
  subgraph: (deps) =>
    buildFederatedSubgraph({
      resolvers: [new NoticeResolver(deps)],
      policy: noticePolicy,
    }),
  policy: noticePolicy,
  // its part of the generated city year: the year's first notice, before any project
  generator: () => ({
    setup: (year) => {
      const noticeId = year.rng.uuid();
      year.streams.run(
        noticeDecider,
        noticeStreamId(noticeId),
        { noticeId, title: `关于开展${year.scale.fiscalYear}年度预算绩效管理工作的通知` },
        { actorId: 'li.na', role: 'PERFORMANCE_SECTION', unitId: null },
      );
    },
  }),
};
