import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  execute,
  pageOf,
  PageInput,
  readThrough,
  requireUnit,
  RowScope,
  type RequestContext,
  type ServiceDeps,
  type UnitScope,
  requireFiscalYear,
} from '@jixiao/service-kit';
import { disclosureDecider, disclosureStreamId } from './disclosure.decider';
import { PublishGoalsInput } from './disclosure.input';
import { findPublication, findPublishedGoals, findPublishedUnitYears, goalsOfYear } from './disclosure.read';
import { PublishedGoalPage, PublishedUnitYear } from './disclosure.type';
import { GoalPublication } from './publication.type';

/** What the public queries read (the read cache's keys follow its version). */
const PUBLISHED = ['planning.published-goals'] as const;

/** 公开 (disclosure): the performance section publishes a unit-year's issued goals; anyone reads them. */
@Resolver()
export class DisclosureResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @Mutation(() => GoalPublication, {
    description:
      '公开单位年度随预算批复下达的绩效目标（项目已安排预算者），再次公开须说明原因 ' +
      '(Publish a unit-year’s goals issued with an approved budget; a later publication needs a reason)',
  })
  async publishGoals(
    @Arg('input', { description: '命令参数 (command input)' }) input: PublishGoalsInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<GoalPublication> {
    const em = this.deps.em();
    const unit = await requireUnit(em, input.unitId, scope);
    const command = {
      type: 'PublishGoals' as const,
      unitId: unit.unitId,
      fiscalYear: input.fiscalYear,
      unit: { code: unit.code, name: unit.name },
      reason: input.reason ?? '',
      goals: await goalsOfYear(em, unit.unitId, input.fiscalYear),
    };
    const stream = disclosureStreamId(unit.unitId, input.fiscalYear);
    await execute(this.deps, ctx, stream, disclosureDecider, command, input);
    return findPublication(this.deps.em(), unit.unitId, input.fiscalYear);
  }

  @Query(() => PublishedGoalPage, {
    description:
      '已公开的绩效目标，无需登录：某年度全部或某单位的，按公开时的内容 ' +
      '(Published goals of a year, perhaps of one unit, exactly as published; no sign-in needed)',
  })
  async publishedGoals(
    @Arg('fiscalYear', () => Int, { description: '预算年度 (fiscal year)' }) fiscalYear: number,
    @Arg('unitId', () => ID, { nullable: true, description: '预算单位标识 (budget unit id)' }) unitId?: string,
    @Arg('page', () => PageInput, { nullable: true, description: '分页参数 (pagination)' }) page?: PageInput,
  ): Promise<PublishedGoalPage> {
    requireFiscalYear(fiscalYear);
    const key = [fiscalYear, unitId ?? null, pageOf(page)];
    return readThrough(this.deps.cache, { name: 'publishedGoals', projections: PUBLISHED, key }, () =>
      findPublishedGoals(this.deps.em(), fiscalYear, unitId, pageOf(page)),
    );
  }

  @Query(() => [PublishedUnitYear], {
    description:
      '已公开绩效目标的单位年度，无需登录 (The unit-years whose goals are published, newest year first; no sign-in needed)',
  })
  async publishedUnitYears(
    @Arg('fiscalYear', () => Int, {
      nullable: true,
      description: '预算年度，不填为全部 (fiscal year; all when absent)',
    })
    fiscalYear?: number,
  ): Promise<PublishedUnitYear[]> {
    if (fiscalYear !== undefined && fiscalYear !== null) requireFiscalYear(fiscalYear);
    return readThrough(
      this.deps.cache,
      { name: 'publishedUnitYears', projections: PUBLISHED, key: [fiscalYear ?? null] },
      () => findPublishedUnitYears(this.deps.em(), fiscalYear),
    );
  }
}
