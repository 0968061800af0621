import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { CommandInput, VersionedCommandInput } from '../shared/command.input';
import { PreAssessmentConclusion, PreAssessmentDimension, PreAssessmentSubject } from './pre-assessment.enums';

@InputType({ description: '启动事前绩效评估 (Open a pre-assessment)' })
export class OpenPreAssessmentInput extends CommandInput {
  @Field(() => PreAssessmentSubject, { defaultValue: PreAssessmentSubject.PROJECT, description: '评估对象 (subject)' })
  subject!: PreAssessmentSubject;

  @Field(() => ID, { nullable: true, description: '项目标识，评估项目时必填 (project id, for a project)' })
  projectId?: string | null;

  @Field(() => String, { nullable: true, description: '政策名称，评估政策时必填 (policy name, for a policy)' })
  policyName?: string | null;

  @Field(() => ID, { nullable: true, description: '单位，评估政策时必填；项目取自项目 (unit; for a policy)' })
  unitId?: string | null;

  @Field(() => Int, { nullable: true, description: '预算年度，评估政策时必填 (fiscal year; for a policy)' })
  fiscalYear?: number | null;

  @Field(() => [ID], {
    description: '指派的评分人（专家或投资评审中心人员）用户标识 (user ids of the assigned scorers)',
  })
  scorerIds!: string[];
}

@InputType({ description: '对一个维度评分 (Score one dimension)' })
export class GiveScoreInput extends VersionedCommandInput {
  @Field(() => ID, { description: '评估标识 (pre-assessment id)' })
  preAssessmentId!: string;

  @Field(() => PreAssessmentDimension, { description: '维度 (dimension)' })
  dimension!: PreAssessmentDimension;

  @Field(() => Float, { description: '分数，不超过该维度满分 (points, at most the dimension maximum)' })
  points!: number;

  @Field({ description: '评分理由 (reason)' })
  reason!: string;
}

@InputType({ description: '出具评估结论 (Conclude a pre-assessment)' })
export class ConcludePreAssessmentInput extends VersionedCommandInput {
  @Field(() => ID, { description: '评估标识 (pre-assessment id)' })
  preAssessmentId!: string;

  @Field(() => PreAssessmentConclusion, {
    description: '结论；总分未达线时只能不予支持 (conclusion; REJECT only when below the pass mark)',
  })
  conclusion!: PreAssessmentConclusion;

  @Field({ description: '评估报告 (report)' })
  report!: string;
}

@InputType({ description: '指派或撤销一名评分人 (Assign a scorer, or withdraw one)' })
export class PreAssessmentScorerInput extends CommandInput {
  @Field(() => ID, { description: '评估标识 (pre-assessment id)' })
  preAssessmentId!: string;

  @Field(() => ID, { description: '评分人（专家或投资评审中心人员）用户标识 (the scorer’s user id)' })
  userId!: string;

  @Field({ description: '理由，记入审计轨迹 (reason, kept in the audit trail)' })
  reason!: string;
}
