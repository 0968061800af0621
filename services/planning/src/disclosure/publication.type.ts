import { MoneyScalar } from '@jixiao/service-kit';
import type { Fen } from '@jixiao/events';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BudgetUnitRef } from '../unit-ref/budget-unit.ref';

@ObjectType({ description: '一次公开 (One publication of a unit-year)' })
export class PublicationRecord {
  @Field(() => Int, { description: '批次，1 起 (publication number, from 1)' })
  publication!: number;

  @Field({ description: '公开时间 (published at, ISO-8601)' })
  publishedAt!: string;

  @Field(() => Int, { description: '公开的目标数 (goals published)' })
  goalCount!: number;

  @Field({ description: '再次公开的原因，首次可为空 (why it was published again; may be empty the first time)' })
  reason!: string;

  @Field(() => ID, { description: '对应事件标识，可在审计服务核验 (event id, verifiable in the audit service)' })
  eventId!: string;
}

/** The bureau's view of a unit-year's disclosure: the public types stay apart from this one. */
@ObjectType({
  description: '单位年度绩效目标公开情况（财政工作人员视图）(A unit-year’s disclosure, as the bureau sees it)',
})
export class GoalPublication {
  @Field(() => BudgetUnitRef, { description: '预算单位 (unit)' })
  unit!: BudgetUnitRef;

  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => Int, { description: '最近一次公开的批次 (the latest publication)' })
  publication!: number;

  @Field(() => Int, { description: '公开的目标数 (goals published)' })
  goalCount!: number;

  @Field(() => MoneyScalar, { name: 'totalAmount', description: '公开目标的预算合计（元）(their amounts, yuan)' })
  totalAmountFen!: Fen;

  @Field(() => [ID], {
    description:
      '已下达但项目尚未安排预算、本次未公开的目标 (issued goals left out: their project has no budget allocated yet)',
  })
  withheldGoalIds!: string[];

  @Field(() => [PublicationRecord], { description: '历次公开 (every publication)' })
  publications!: PublicationRecord[];

  @Field({ description: '最近一次公开时间 (last published at, ISO-8601)' })
  publishedAt!: string;

  @Field(() => Int, { description: '事件流版本 (stream version)' })
  version!: number;
}
