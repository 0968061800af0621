import { MoneyScalar } from '@jixiao/service-kit';
import type { Fen } from '@jixiao/events';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GoalTerm, IndicatorLevel1, IndicatorLevel2, IndicatorOperator } from '../goal/goal.enums';

/*
 * The public types (公开): what anyone reads without signing in. They are their own types, reached
 * from the public queries only, and reach no type a signed-in query returns (no BudgetUnit, Goal or
 * Project entity, no people): the gateway checks that at start (services/gateway, public surface).
 */

@ObjectType({
  description: '公开的绩效指标 (A published indicator): 指标及其目标值 (what is measured, and the target)',
})
export class PublishedIndicator {
  @Field(() => IndicatorLevel1, { description: '一级指标 (level-1 category)' })
  level1!: IndicatorLevel1;

  @Field({ description: '一级指标名称 (level-1 category, in Chinese)' })
  level1Label!: string;

  @Field(() => IndicatorLevel2, { description: '二级指标 (level-2 category)' })
  level2!: IndicatorLevel2;

  @Field({ description: '二级指标名称 (level-2 category, in Chinese)' })
  level2Label!: string;

  @Field({ description: '指标名称，即三级指标 (indicator name)' })
  name!: string;

  @Field(() => IndicatorOperator, { description: '比较方式 (operator)' })
  operator!: IndicatorOperator;

  @Field(() => Float, { nullable: true, description: '目标值，定性指标为空 (numeric target; null when qualitative)' })
  targetValue!: number | null;

  @Field(() => String, { nullable: true, description: '定性目标描述 (wording of a qualitative target)' })
  targetText!: string | null;

  @Field({ description: '计量单位 (unit of measure)' })
  unit!: string;

  @Field({ description: '目标，如「≥ 12 所」或「明显改善」(the target as one reads it)' })
  target!: string;
}

@ObjectType({ description: '公开的绩效目标 (A published goal), 与公开决定所记录的内容完全一致 (exactly as published)' })
export class PublishedGoal {
  @Field(() => ID, { description: '目标标识 (goal id)' })
  goalId!: string;

  @Field(() => ID, { description: '预算单位标识 (budget unit id)' })
  unitId!: string;

  @Field({ description: '预算单位名称，公开时的名称 (the unit, as named when published)' })
  unitName!: string;

  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field({ description: '项目编码 (project code)' })
  projectCode!: string;

  @Field({ description: '项目名称 (project name)' })
  projectName!: string;

  @Field(() => GoalTerm, { description: '目标期限 (term)' })
  term!: GoalTerm;

  @Field({ description: '总体目标 (overall goal)' })
  overallGoal!: string;

  @Field(() => MoneyScalar, { name: 'amount', description: '预算金额（元），下达或调整后 (amount in force, yuan)' })
  amountFen!: Fen;

  @Field({ description: '预算批复文号 (budget reply it was issued with)' })
  budgetDocument!: string;

  @Field(() => [PublishedIndicator], { description: '绩效指标 (indicators)' })
  indicators!: PublishedIndicator[];

  @Field(() => Int, { description: '公开时目标事件流的版本 (the goal’s stream version when published)' })
  goalVersion!: number;

  @Field({
    description:
      '内容哈希：公开字段 RFC 8785 规范 JSON 的 SHA-256 (SHA-256 of the canonical JSON of the published fields)',
  })
  contentHash!: string;

  @Field(() => Int, { description: '首次以此内容公开的批次 (the publication that first showed this content)' })
  publication!: number;

  @Field({ description: '以此内容公开的时间 (published at, ISO-8601)' })
  publishedAt!: string;
}

@ObjectType({ description: '公开的绩效目标分页结果 (A page of published goals)' })
export class PublishedGoalPage {
  @Field(() => [PublishedGoal], { description: '本页目标 (goals on this page)' })
  nodes!: PublishedGoal[];

  @Field(() => Int, { description: '符合条件的总数 (total matching)' })
  totalCount!: number;
}

@ObjectType({ description: '已公开绩效目标的单位年度 (A unit-year whose goals are published)' })
export class PublishedUnitYear {
  @Field(() => ID, { description: '预算单位标识 (budget unit id)' })
  unitId!: string;

  @Field({ description: '单位编码 (unit code)' })
  unitCode!: string;

  @Field({ description: '单位名称，公开时的名称 (unit name, as published)' })
  unitName!: string;

  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => Int, { description: '最近一次公开的批次，1 起 (the latest publication, from 1)' })
  publication!: number;

  @Field(() => Int, { description: '公开的目标数 (goals published)' })
  goalCount!: number;

  @Field(() => MoneyScalar, { name: 'totalAmount', description: '公开目标的预算合计（元）(their amounts, yuan)' })
  totalAmountFen!: Fen;

  @Field({ description: '首次公开时间 (first published at, ISO-8601)' })
  firstPublishedAt!: string;

  @Field({ description: '最近一次公开时间 (last published at, ISO-8601)' })
  publishedAt!: string;
}
