import { Arg, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { GoalRowSchema, IndicatorRowSchema } from '@jixiao/projections';
import {
  readThrough,
  RowScope,
  ROLE_LABELS,
  isRole,
  type ServiceDeps,
  type UnitScope,
  NO_ROWS,
} from '@jixiao/service-kit';
import { LEVEL1_LABELS } from '@jixiao/events';
import { COVERAGE_READS, goalCoverage } from './goal-coverage.read';
import { goalStatusCounts, STATUS_COUNT_READS } from './goal-status-counts.read';
import { GoalStatus } from '../goal/goal.enums';
import { GoalCoverage } from '../project/project.type';
import { REMOVED_INDICATOR, returnReasonFigures, type ReviewedGoal } from './return-reasons';

@ObjectType({ description: '按审核角色统计的退回次数 (returns by the role of the reviewer)' })
export class ReturnsByReviewer {
  @Field({ description: '审核角色代码，如 DEPARTMENT、EXPERT (reviewer role)' })
  reviewerRole!: string;

  @Field({ description: '审核角色名称 (the role in Chinese)' })
  label!: string;

  @Field(() => Int, { description: '退回决定与退回意见次数 (RETURN decisions and opinions)' })
  count!: number;
}

@ObjectType({ description: '退回意见所针对指标的一级类别 (comments in returns, by the level 1 of the indicator)' })
export class ReturnsByIndicatorCategory {
  @Field({ description: '一级指标代码，REMOVED 为此后已删除的指标 (level 1; REMOVED: an indicator removed since)' })
  level1!: string;

  @Field({ description: '一级指标名称 (the category in Chinese)' })
  label!: string;

  @Field(() => Int, { description: '针对该类指标的退回意见条数 (indicator comments in returns)' })
  count!: number;
}

@ObjectType({ description: '年度目标退回原因统计 (Why goals were returned in a year)' })
export class ReturnReasons {
  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => Int, { description: '退回决定次数：主管部门与财政 (RETURN decisions: department and finance)' })
  returnDecisions!: number;

  @Field(() => Int, { description: '联审成员的退回意见次数 (RETURN opinions of joint-review members)' })
  returnOpinions!: number;

  @Field(() => [ReturnsByReviewer], { description: '按审核角色 (by reviewer role), most first' })
  byReviewer!: ReturnsByReviewer[];

  @Field(() => [ReturnsByIndicatorCategory], { description: '按指标一级类别 (by indicator category), most first' })
  byIndicatorCategory!: ReturnsByIndicatorCategory[];

  @Field(() => Int, { description: '未针对具体指标的退回次数 (returns that name no indicator)' })
  withoutIndicatorComment!: number;
}

@ObjectType({
  description: '年度审核统计：年终总结引用的数字 (Review figures of a year, as a year-end summary quotes them)',
})
export class ReviewStatistics {
  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => Int, { description: '已审核的目标数 (goals reviewed at least once)' })
  goalsReviewed!: number;

  @Field(() => Int, { description: '已审核目标的指标数 (indicators of the goals reviewed)' })
  indicatorsReviewed!: number;

  @Field(() => Int, { description: '审核决定次数，含主管部门和财政 (review decisions, department and finance)' })
  reviewDecisions!: number;

  @Field(() => Int, { description: '已批准的目标数 (goals approved, issued or adjusted)' })
  goalsApproved!: number;

  @Field(() => Int, { description: '至少退回过一次的目标数 (goals returned at least once)' })
  goalsReturned!: number;
}

@ObjectType({ description: '某一状态的绩效目标数 (How many goals are in one status)' })
export class GoalStatusCount {
  @Field(() => GoalStatus, { description: '目标状态 (status)' })
  status!: GoalStatus;

  @Field(() => Int, { description: '目标数 (goals)' })
  count!: number;
}

/** The projections whose tables the aggregates read (the read cache's keys follow their versions). */
const GOALS = ['planning.goals'] as const;

/** Aggregates a dashboard needs. */
@Resolver()
export class DashboardResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @Query(() => [GoalCoverage], {
    description: '目标覆盖率：各单位有已批准目标的项目占比 (Goal coverage per unit for a year)',
  })
  async goalCoverage(
    @Arg('fiscalYear', () => Int, { description: '预算年度 (fiscal year)' }) fiscalYear: number,
    @Arg('unitId', () => ID, { nullable: true, description: '预算单位标识 (budget unit id)' }) unitId?: string,
    @RowScope() scope: UnitScope = NO_ROWS,
  ): Promise<GoalCoverage[]> {
    return readThrough(
      this.deps.cache,
      { name: 'goalCoverage', projections: COVERAGE_READS, key: [fiscalYear, unitId ?? null, scope] },
      () => goalCoverage(this.deps.em(), fiscalYear, scope, unitId),
    );
  }

  @Query(() => [GoalStatusCount], {
    description:
      "年度绩效目标按状态计数，限于调用者可见的单位，与 goals 列表一致 (Goals of a year by status, within the caller's row scope like goals)",
  })
  async goalStatusCounts(
    @Arg('fiscalYear', () => Int, { description: '预算年度 (fiscal year)' }) fiscalYear: number,
    @Arg('unitId', () => ID, { nullable: true, description: '预算单位标识，只计该单位 (budget unit id)' })
    unitId?: string,
    @RowScope() scope: UnitScope = NO_ROWS,
  ): Promise<GoalStatusCount[]> {
    return readThrough(
      this.deps.cache,
      { name: 'goalStatusCounts', projections: STATUS_COUNT_READS, key: [fiscalYear, unitId ?? null, scope] },
      () => goalStatusCounts(this.deps.em(), fiscalYear, scope, unitId),
    );
  }

  @Query(() => ReviewStatistics, { description: '年度目标审核统计 (Goal review figures for a year)' })
  async reviewStatistics(
    @Arg('fiscalYear', () => Int, { description: '预算年度 (fiscal year)' }) fiscalYear: number,
  ): Promise<ReviewStatistics> {
    return readThrough(this.deps.cache, { name: 'reviewStatistics', projections: GOALS, key: [fiscalYear] }, () =>
      this.computeReviewStatistics(fiscalYear),
    );
  }

  @Query(() => ReturnReasons, {
    description:
      '年度目标退回原因：谁退回、意见针对哪类指标 (Why goals were returned in a year: by reviewer and indicator category)',
  })
  async returnReasons(
    @Arg('fiscalYear', () => Int, { description: '预算年度 (fiscal year)' }) fiscalYear: number,
  ): Promise<ReturnReasons> {
    return readThrough(this.deps.cache, { name: 'returnReasons', projections: GOALS, key: [fiscalYear] }, () =>
      this.computeReturnReasons(fiscalYear),
    );
  }

  private async computeReturnReasons(fiscalYear: number): Promise<ReturnReasons> {
    const em = this.deps.em();
    const returned = await em.find(
      GoalRowSchema,
      { fiscalYear, reviewCount: { $gt: 0 } },
      { fields: ['goalId', 'reviews', 'opinions'] },
    );
    const withReturns = returned.filter(
      (goal) => goal.reviews.some((r) => r.result === 'RETURN') || goal.opinions.some((o) => o.opinion === 'RETURN'),
    );
    const indicators = withReturns.length
      ? await em.find(
          IndicatorRowSchema,
          { goalId: { $in: withReturns.map((goal) => goal.goalId) } },
          { fields: ['goalId', 'indicatorId', 'level1'] },
        )
      : [];
    const level1Of = new Map(indicators.map((row) => [`${row.goalId}/${row.indicatorId}`, row.level1]));
    const goals: ReviewedGoal[] = withReturns.map((goal) => ({
      reviews: goal.reviews,
      opinions: goal.opinions,
      level1Of: {
        get: (indicatorId: string) => level1Of.get(`${goal.goalId}/${indicatorId}`),
      } as ReadonlyMap<string, string>,
    }));
    const figures = returnReasonFigures(goals);
    return {
      fiscalYear,
      ...figures,
      byReviewer: figures.byReviewer.map((row) => ({
        ...row,
        label: isRole(row.reviewerRole) ? ROLE_LABELS[row.reviewerRole] : row.reviewerRole,
      })),
      byIndicatorCategory: figures.byIndicatorCategory.map((row) => ({
        ...row,
        label:
          row.level1 === REMOVED_INDICATOR
            ? '已删除的指标'
            : (LEVEL1_LABELS[row.level1 as keyof typeof LEVEL1_LABELS]?.zh.split('，')[0] ?? row.level1),
      })),
    };
  }

  private async computeReviewStatistics(fiscalYear: number): Promise<ReviewStatistics> {
    const [row] = (await this.deps
      .em()
      .getConnection()
      .execute(
        `select count(*) as goals, coalesce(sum(indicator_count), 0) as indicators,
         coalesce(sum(review_count), 0) as decisions,
         sum(case when status in ('APPROVED', 'ISSUED', 'ADJUSTED') then 1 else 0 end) as approved,
         sum(case when return_count > 0 then 1 else 0 end) as returned
       from rm_goal where fiscal_year = ? and review_count > 0`,
        [fiscalYear],
      )) as Record<string, number | string | null>[];
    const n = (key: string) => Number(row?.[key] ?? 0);
    return {
      fiscalYear,
      goalsReviewed: n('goals'),
      indicatorsReviewed: n('indicators'),
      reviewDecisions: n('decisions'),
      goalsApproved: n('approved'),
      goalsReturned: n('returned'),
    };
  }
}
