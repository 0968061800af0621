import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  execute,
  pageOf,
  PageInput,
  readThrough,
  RowScope,
  unitWhere,
  type RequestContext,
  type ServiceDeps,
  type UnitScope,
  NO_ROWS,
  profileInForce,
} from '@jixiao/service-kit';
import { goalRulesOf } from '../shared/facts';
import { goalDecider, goalStreamId, type GoalCommand } from './goal.decider';
import {
  AdjustGoalInput,
  IssueGoalInput,
  MarkGoalExemplaryInput,
  RecordReviewOpinionInput,
  ReviewGoalInput,
} from './goal.input';
import { toIndicatorData } from './goal.mapping';
import { reviewQueueFilter } from './goal.queue';
import { findGoal, goalNotFound, pageOfGoals, WAITING_LONGEST_FIRST } from './goal.read';
import { Goal, GoalPage } from './goal.type';
import { GoalRowSchema } from '@jixiao/projections';

/** What the review queue reads: goals, (for a department) the unit tree, and (for joint review) the rule profiles. */
const QUEUE_READS = ['planning.goals', 'directory.units', 'planning.rule-profiles'] as const;

/** Goals after submission: review, joint-review opinions, issue, adjustment, samples, and the review queue. */
@Resolver(() => Goal)
export class GoalReviewResolver {
  constructor(private readonly deps: ServiceDeps) {}

  /** Checks the goal is in the caller's scope (else NOT_FOUND), runs the command, answers with the goal. */
  private async run(ctx: RequestContext, scope: UnitScope, goalId: string, command: GoalCommand, options: object) {
    await findGoal(this.deps.em(), goalId, scope);
    await execute(this.deps, ctx, goalStreamId(goalId), goalDecider, command, options);
    return findGoal(this.deps.em(), goalId);
  }

  @Query(() => GoalPage, {
    description:
      '我的审核待办：按当前用户的角色列出等待其审核或修改的目标，提交最早的在前 (The goals waiting for the current user, by role, the longest-waiting first)',
  })
  async reviewQueue(
    @Ctx() ctx: RequestContext,
    @Arg('page', () => PageInput, { nullable: true, description: '分页参数 (pagination)' }) page?: PageInput,
    @RowScope() scope: UnitScope = NO_ROWS,
  ): Promise<GoalPage> {
    const { role, unitId, userId } = ctx.actor;
    return readThrough(
      this.deps.cache,
      // a department's queue follows its unit tree, hence the units projection
      { name: 'reviewQueue', projections: QUEUE_READS, key: [role, unitId, userId, scope, pageOf(page)] },
      async () => {
        const em = this.deps.em();
        const where = { $and: [await reviewQueueFilter(em, ctx.actor), unitWhere(scope)] };
        return pageOfGoals(em, where, pageOf(page), WAITING_LONGEST_FIRST);
      },
    );
  }

  @Mutation(() => Goal, {
    description: '联审成员提出意见：预算科、绩效科、专家各一次/轮 (A joint-review member gives an opinion)',
  })
  async recordReviewOpinion(
    @Arg('input', { description: '命令参数 (command input)' }) input: RecordReviewOpinionInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    const command: GoalCommand = {
      type: 'RecordReviewOpinion',
      goalId: input.goalId,
      reviewerRole: ctx.actor.role,
      reviewerId: ctx.actor.userId,
      opinion: input.opinion,
      comment: input.comment,
      indicatorComments: input.indicatorComments.map((c) => ({ ...c })),
    };
    return this.run(ctx, scope, input.goalId, command, input);
  }

  @Mutation(() => Goal, {
    description:
      '审核绩效目标：主管部门通过或退回；绩效科在联审意见齐备后批准或退回 (Department passes on or returns; the performance section concludes the joint review)',
  })
  async reviewGoal(
    @Arg('input', { description: '命令参数 (command input)' }) input: ReviewGoalInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    const em = this.deps.em();
    const row = await em.findOne(GoalRowSchema, { goalId: input.goalId });
    if (!row) throw goalNotFound(input.goalId);
    const profile = await profileInForce(em, row.divisionCode, row.fiscalYear);
    const command: GoalCommand = {
      type: 'ReviewGoal',
      goalId: input.goalId,
      reviewerRole: ctx.actor.role,
      result: input.result,
      comment: input.comment,
      indicatorComments: input.indicatorComments.map((c) => ({ ...c })),
      rules: goalRulesOf(profile),
    };
    return this.run(ctx, scope, input.goalId, command, input);
  }

  @Mutation(() => Goal, { description: '随预算批复下达已批准的目标 (Issue an approved goal with the budget)' })
  async issueGoal(
    @Arg('input', { description: '命令参数 (command input)' }) input: IssueGoalInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    const { goalId, budgetDocument, issuedAmount } = input;
    const command: GoalCommand = { type: 'IssueGoal', goalId, budgetDocument, issuedAmountFen: issuedAmount };
    return this.run(ctx, scope, goalId, command, input);
  }

  @Mutation(() => Goal, {
    description: '随预算调整调整已下达的目标，调整次数加一 (Adjust an issued goal through a budget adjustment)',
  })
  async adjustGoal(
    @Arg('input', { description: '命令参数 (command input)' }) input: AdjustGoalInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    const { goalId, budgetAdjustmentRef, reason, amount } = input;
    const indicators = input.indicators.map((i) => toIndicatorData(i, i.id ?? randomUUID()));
    const row = await this.deps.em().findOne(GoalRowSchema, { goalId });
    if (!row) throw goalNotFound(goalId);
    const { indicatorCatalogueVersion } = (await profileInForce(this.deps.em(), row.divisionCode, row.fiscalYear))
      .rules;
    const command: GoalCommand = {
      type: 'AdjustGoal',
      goalId,
      budgetAdjustmentRef,
      reason,
      amountFen: amount,
      indicators,
      indicatorCatalogueVersion,
    };
    return this.run(ctx, scope, goalId, command, input);
  }

  @Mutation(() => Goal, { description: '将已批准的目标评为精品样本 (Publish an approved goal as an exemplary sample)' })
  async markGoalExemplary(
    @Arg('input', { description: '命令参数 (command input)' }) input: MarkGoalExemplaryInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    const { goalId, reason } = input;
    return this.run(ctx, scope, goalId, { type: 'MarkGoalExemplary', goalId, reason }, input);
  }
}
