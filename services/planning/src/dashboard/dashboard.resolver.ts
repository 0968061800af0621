import { Arg, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { readThrough, RowScope, type ServiceDeps, type UnitScope, NO_ROWS } from '@jixiao/service-kit';
import { COVERAGE_READS, goalCoverage } from './goal-coverage.read';
import { GoalCoverage } from '../project/project.type';

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

  @Query(() => ReviewStatistics, { description: '年度目标审核统计 (Goal review figures for a year)' })
  async reviewStatistics(
    @Arg('fiscalYear', () => Int, { description: '预算年度 (fiscal year)' }) fiscalYear: number,
  ): Promise<ReviewStatistics> {
    return readThrough(this.deps.cache, { name: 'reviewStatistics', projections: GOALS, key: [fiscalYear] }, () =>
      this.computeReviewStatistics(fiscalYear),
    );
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
