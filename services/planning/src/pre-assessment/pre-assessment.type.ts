import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { RuleProfileRefType } from '../goal/goal.type';
import { BudgetUnitRef } from '../unit-ref/budget-unit.ref';
import {
  PreAssessmentConclusion,
  PreAssessmentDimension,
  PreAssessmentStatus,
  PreAssessmentSubject,
  ScorerRole,
} from './pre-assessment.enums';

@ObjectType({ description: '一项评分 (One score of one dimension by one scorer)' })
export class PreAssessmentScore {
  @Field(() => ID, { description: '评分人 (scorer)' })
  scorerId!: string;

  @Field(() => ScorerRole, { description: '评分方 (scorer role)' })
  scorerRole!: ScorerRole;

  @Field(() => PreAssessmentDimension, { description: '维度 (dimension)' })
  dimension!: PreAssessmentDimension;

  @Field(() => Float, { description: '分数 (points)' })
  points!: number;

  @Field({ description: '评分理由 (reason)' })
  reason!: string;

  @Field({ description: '评分时间 (scored at, ISO-8601)' })
  scoredAt!: string;

  @Field(() => ID, { description: '对应事件标识 (event id)' })
  eventId!: string;
}

@ObjectType({ description: '维度得分 (A dimension: its maximum and, once concluded, its mean score)' })
export class DimensionResult {
  @Field(() => PreAssessmentDimension, { description: '维度 (dimension)' })
  dimension!: PreAssessmentDimension;

  @Field(() => Float, { description: '满分，取自规则配置 (maximum, from the rule profile)' })
  maxPoints!: number;

  @Field(() => Float, {
    nullable: true,
    description: '各评分人平均分，结论后才有 (mean of the scorers, once concluded)',
  })
  score!: number | null;
}

@ObjectType({ description: '事前绩效评估 (Pre-assessment of a project or policy)' })
export class PreAssessment {
  @Field(() => ID, { description: '评估标识 (id)' })
  id!: string;

  @Field(() => PreAssessmentSubject, { description: '评估对象 (subject)' })
  subject!: PreAssessmentSubject;

  @Field(() => ID, { nullable: true, description: '项目标识 (project id, when a project)' })
  projectId!: string | null;

  @Field(() => String, { nullable: true, description: '政策名称 (policy name, when a policy)' })
  policyName!: string | null;

  @Field(() => BudgetUnitRef, { description: '申报单位 (unit)' })
  unit!: BudgetUnitRef;

  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => PreAssessmentStatus, { description: '状态 (status)' })
  status!: PreAssessmentStatus;

  @Field(() => Float, { description: '通过分数线，取自规则配置 (pass mark, from the rule profile)' })
  passMark!: number;

  @Field(() => RuleProfileRefType, { description: '所用规则配置 (rule profile used)' })
  ruleProfile!: RuleProfileRefType;

  @Field(() => [DimensionResult], { description: '各维度 (dimensions)' })
  dimensions!: DimensionResult[];

  /** Resolved from the assignments read model (PreAssessmentScorersResolver), so it is who is assigned now. */
  @Field(() => [ID], { description: '当前指派的评分人 (the scorers assigned now)' })
  scorerIds?: string[];

  @Field(() => [PreAssessmentScore], { description: '全部评分 (every score given)' })
  scores!: PreAssessmentScore[];

  @Field(() => Float, { nullable: true, description: '总分 (total, once concluded)' })
  total!: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否达到通过分数线 (passed, once concluded)' })
  passed!: boolean | null;

  @Field(() => PreAssessmentConclusion, { nullable: true, description: '结论 (conclusion)' })
  conclusion!: PreAssessmentConclusion | null;

  @Field(() => String, { nullable: true, description: '评估报告 (report)' })
  report!: string | null;

  @Field(() => Int, { description: '事件流版本 (stream version)' })
  version!: number;
}
