import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { entityId, NotFoundError } from '@jixiao/events';
import { UnitRowSchema } from '@jixiao/projections';
import {
  ensureInScope,
  execute,
  pageOf,
  PageInput,
  RowScope,
  type RequestContext,
  type ServiceDeps,
  type UnitScope,
} from '@jixiao/service-kit';
import { goalDecider, goalStreamId } from './goal.decider';
import type { Indicator as IndicatorData } from './goal.events';
import { GoalFilter, IndicatorInput, ReviewGoalInput, ReviseIndicatorInput, SubmitGoalInput } from './goal.input';
import { findGoal, findGoals } from './goal.read';
import { Goal, GoalPage } from './goal.type';

function toIndicatorData(input: IndicatorInput, id: string): IndicatorData {
  return {
    indicatorId: id,
    level1: input.level1,
    level2: input.level2,
    name: input.name,
    operator: input.operator,
    targetValue: input.targetValue ?? null,
    targetText: input.targetText ?? null,
    unit: input.unit,
    points: input.points,
    basis: input.basis,
    core: input.core,
    templateId: input.templateId ?? null,
  };
}

/** Thin: arguments → command → decider; reads → read model. */
@Resolver(() => Goal)
export class GoalResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @Query(() => Goal, { description: '按标识查询绩效目标 (A goal by id)' })
  async goal(@Arg('id', () => ID) id: string, @RowScope() scope: UnitScope): Promise<Goal> {
    return findGoal(this.deps.em(), id, scope);
  }

  @Query(() => GoalPage, { description: '绩效目标列表，可按单位、年度、状态筛选 (Goals, filtered and paginated)' })
  async goals(
    @Arg('filter', () => GoalFilter, { nullable: true }) filter?: GoalFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
    @RowScope() scope: UnitScope = { all: false, unitIds: [] },
  ): Promise<GoalPage> {
    return findGoals(this.deps.em(), filter ?? {}, pageOf(page), scope);
  }

  @Mutation(() => Goal, { description: '提交绩效目标及其指标 (Submit a goal with its indicators)' })
  async submitGoal(
    @Arg('input') input: SubmitGoalInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    const unit = await this.deps.em().findOne(UnitRowSchema, { unitId: input.unitId });
    const unitNotFound = () =>
      new NotFoundError({
        zh: `预算单位 ${input.unitId} 不存在，请先登记单位`,
        en: `Budget unit ${input.unitId} does not exist; register it first`,
      });
    if (!unit) throw unitNotFound();
    ensureInScope(scope, unit.unitId, unitNotFound);
    const goalId = randomUUID();
    const { commandId, indicators, ...header } = input;
    const result = await execute(
      this.deps,
      ctx,
      goalStreamId(goalId),
      goalDecider,
      {
        type: 'SubmitGoal',
        goalId,
        ...header,
        indicators: indicators.map((i) => toIndicatorData(i, i.id ?? randomUUID())),
      },
      { commandId },
    );
    // a repeated command id answers with the goal the first submission created
    const streamId = result.events[0]?.streamId ?? goalStreamId(goalId);
    return findGoal(this.deps.em(), entityId(streamId));
  }

  @Mutation(() => Goal, { description: '修改一项绩效指标（批准前）(Revise one indicator before approval)' })
  async reviseIndicator(
    @Arg('input') input: ReviseIndicatorInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    await findGoal(this.deps.em(), input.goalId, scope);
    const indicatorId = input.indicator.id ?? '';
    await execute(
      this.deps,
      ctx,
      goalStreamId(input.goalId),
      goalDecider,
      {
        type: 'ReviseIndicator',
        goalId: input.goalId,
        indicator: toIndicatorData(input.indicator, indicatorId),
        reason: input.reason,
      },
      input,
    );
    return findGoal(this.deps.em(), input.goalId);
  }

  @Mutation(() => Goal, { description: '审核绩效目标：通过或退回 (Approve or return a goal)' })
  async reviewGoal(
    @Arg('input') input: ReviewGoalInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    await findGoal(this.deps.em(), input.goalId, scope);
    await execute(
      this.deps,
      ctx,
      goalStreamId(input.goalId),
      goalDecider,
      {
        type: 'ReviewGoal',
        goalId: input.goalId,
        reviewerRole: ctx.actor.role,
        result: input.result,
        comment: input.comment,
        indicatorComments: input.indicatorComments.map((c) => ({ ...c })),
      },
      input,
    );
    return findGoal(this.deps.em(), input.goalId);
  }
}
