import { MoneyScalar } from '@jixiao/service-kit';
import type { Fen } from '@jixiao/events';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { BudgetUnitRef } from '../unit-ref/budget-unit.ref';
import {
  GoalStatus,
  GoalTerm,
  IndicatorLevel1,
  IndicatorLevel2,
  IndicatorOperator,
  JointReviewerRole,
  ReviewResult,
  ReviewStage,
  TargetBasis,
} from './goal.enums';

@ObjectType({ description: '绩效指标 (Performance indicator)' })
export class Indicator {
  @Field(() => ID, { description: '指标标识 (indicator id)' })
  id!: string;

  @Field(() => IndicatorLevel1, { description: '一级指标 (level-1 category)' })
  level1!: IndicatorLevel1;

  @Field(() => IndicatorLevel2, { description: '二级指标 (level-2 category)' })
  level2!: IndicatorLevel2;

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

  @Field(() => Float, { description: '分值 (points)' })
  points!: number;

  @Field(() => TargetBasis, { description: '目标值依据 (basis of the target)' })
  basis!: TargetBasis;

  @Field({ description: '是否核心指标 (core indicator)' })
  core!: boolean;

  @Field(() => ID, {
    nullable: true,
    description: '来源指标库模板，自定义为空 (library template it came from; null when own)',
  })
  templateId!: string | null;

  @Field(() => Int, { description: '已修改次数 (times revised)' })
  revisionCount!: number;
}

@ObjectType({ description: '审核意见（针对某一指标）(Review comment on one indicator)' })
export class IndicatorComment {
  @Field(() => ID, { description: '指标标识 (indicator id)' })
  indicatorId!: string;

  @Field({ description: '意见 (comment)' })
  comment!: string;
}

@ObjectType({ description: '目标审核记录 (One review of a goal)' })
export class GoalReview {
  @Field(() => Int, { description: '审核轮次，即第几次提交 (review round: which submission)' })
  round!: number;

  @Field(() => ReviewStage, { description: '审核阶段 (stage)' })
  stage!: ReviewStage;

  @Field({ description: '审核人角色 (reviewer role)' })
  reviewerRole!: string;

  @Field(() => ReviewResult, { description: '审核结论 (result)' })
  result!: ReviewResult;

  @Field({ description: '总体意见 (overall comment)' })
  comment!: string;

  @Field(() => [IndicatorComment], { description: '逐项指标意见 (comments per indicator)' })
  indicatorComments!: IndicatorComment[];

  @Field({ description: '审核时间 (reviewed at, ISO-8601)' })
  reviewedAt!: string;

  @Field(() => ID, { description: '对应事件标识，可在审计服务核验 (event id, verifiable in the audit service)' })
  eventId!: string;
}

@ObjectType({ description: '联审成员意见 (One opinion in the joint finance review)' })
export class GoalOpinion {
  @Field(() => Int, { description: '审核轮次 (review round)' })
  round!: number;

  @Field(() => JointReviewerRole, { description: '联审成员 (member)' })
  reviewerRole!: JointReviewerRole;

  @Field(() => ID, { description: '提出意见的用户 (user who gave it)' })
  reviewerId!: string;

  @Field(() => ReviewResult, { description: '意见 (opinion)' })
  opinion!: ReviewResult;

  @Field({ description: '总体意见 (comment)' })
  comment!: string;

  @Field(() => [IndicatorComment], { description: '逐项指标意见 (comments per indicator)' })
  indicatorComments!: IndicatorComment[];

  @Field({ description: '提出时间 (recorded at, ISO-8601)' })
  recordedAt!: string;

  @Field(() => ID, { description: '对应事件标识 (event id)' })
  eventId!: string;
}

@ObjectType({ description: '目标调整记录 (One adjustment of an issued goal)' })
export class GoalAdjustment {
  @Field(() => Int, { description: '第几次调整 (adjustment number)' })
  adjustmentCount!: number;

  @Field({ description: '预算调整文号 (budget adjustment reference)' })
  budgetAdjustmentRef!: string;

  @Field({ description: '调整原因 (reason)' })
  reason!: string;

  @Field(() => MoneyScalar, { name: 'amount', description: '调整后金额（元）(amount after adjustment, yuan)' })
  amountFen!: Fen;

  @Field({ description: '调整时间 (adjusted at, ISO-8601)' })
  adjustedAt!: string;

  @Field(() => ID, { description: '对应事件标识 (event id)' })
  eventId!: string;
}

@ObjectType('RuleProfileRef', { description: '所用规则配置版本 (The rule profile version a decision used)' })
export class RuleProfileRefType {
  @Field(() => ID, { description: '配置标识 (profile id)' })
  profileId!: string;

  @Field(() => Int, { description: '版本 (version)' })
  version!: number;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: '绩效目标 (Performance goal): 谁申请资金，谁设定绩效目标' })
export class Goal {
  @Field(() => ID, { description: '目标标识 (goal id)' })
  id!: string;

  @Field(() => BudgetUnitRef, { description: '设定目标的预算单位 (the budget unit that set the goal)' })
  unit!: BudgetUnitRef;

  @Field(() => ID, {
    nullable: true,
    description: '所属项目标识；早期（v1）目标为空 (project id; null for goals from before projects existed)',
  })
  projectId!: string | null;

  @Field({ description: '项目编码 (project code)' })
  projectCode!: string;

  @Field({ description: '项目名称 (project name)' })
  projectName!: string;

  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field({ description: '行政区划代码 (administrative division code)' })
  divisionCode!: string;

  @Field(() => GoalTerm, { description: '目标期限 (term)' })
  term!: GoalTerm;

  @Field({ description: '总体目标 (overall goal)' })
  overallGoal!: string;

  @Field(() => MoneyScalar, { name: 'amount', description: '资金金额（元）(amount, yuan)' })
  amountFen!: Fen;

  @Field(() => GoalStatus, { description: '当前状态 (current status)' })
  status!: GoalStatus;

  @Field({ description: '状态中文名称 (status label in Chinese)' })
  statusLabel!: string;

  @Field(() => Int, { description: '提交次数，即当前审核轮次 (times submitted: the current review round)' })
  reviewRounds!: number;

  @Field({ description: '是否须经主管部门审核 (whether a supervising department reviews it first)' })
  departmentReview!: boolean;

  @Field({ description: '是否精品样本 (published as an exemplary sample)' })
  exemplary!: boolean;

  @Field(() => String, { nullable: true, description: '评为样本的理由 (why it is exemplary)' })
  exemplaryReason!: string | null;

  @Field(() => Int, { description: '调整次数 (times adjusted through budget adjustments)' })
  adjustmentCount!: number;

  @Field(() => [GoalAdjustment], { description: '调整记录 (adjustments)' })
  adjustments!: GoalAdjustment[];

  @Field(() => String, { nullable: true, description: '预算批复文号，下达后才有 (budget reply document, once issued)' })
  budgetDocument!: string | null;

  @Field(() => MoneyScalar, {
    name: 'issuedAmount',
    nullable: true,
    description: '下达金额（元）(issued amount, yuan)',
  })
  issuedAmountFen!: Fen | null;

  @Field(() => ID, { nullable: true, description: '复制自哪个精品样本 (the sample it was copied from)' })
  copiedFromGoalId!: string | null;

  @Field(() => RuleProfileRefType, {
    nullable: true,
    description: '提交时所用规则配置 (rule profile in force at submission)',
  })
  ruleProfile!: RuleProfileRefType | null;

  @Field(() => [Indicator], { description: '绩效指标 (indicators)' })
  indicators!: Indicator[];

  @Field(() => [GoalReview], { description: '审核历史 (review history)' })
  reviews!: GoalReview[];

  @Field(() => [GoalOpinion], { description: '联审意见，各轮 (joint-review opinions, every round)' })
  opinions!: GoalOpinion[];

  @Field(() => Int, {
    description: '事件流版本，修改时用于并发控制 (stream version; pass as expectedVersion when changing)',
  })
  version!: number;

  @Field({ description: '建立时间 (created at, ISO-8601)' })
  createdAt!: string;

  @Field(() => String, { nullable: true, description: '最近提交时间，草稿为空 (last submitted at; null for a draft)' })
  submittedAt!: string | null;

  @Field({ description: '最近更新时间 (updated at, ISO-8601)' })
  updatedAt!: string;
}

@ObjectType({ description: '绩效目标分页结果 (A page of goals)' })
export class GoalPage {
  @Field(() => [Goal], { description: '本页目标 (goals on this page)' })
  nodes!: Goal[];

  @Field(() => Int, { description: '符合条件的总数 (total matching)' })
  totalCount!: number;
}
