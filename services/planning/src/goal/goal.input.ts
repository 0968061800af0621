import { MoneyScalar } from '@jixiao/service-kit';
import type { Fen } from '@jixiao/events';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { CommandInput, VersionedCommandInput } from '../shared/command.input';
import {
  GoalStatus,
  GoalTerm,
  IndicatorLevel1,
  IndicatorLevel2,
  IndicatorOperator,
  ReviewResult,
  TargetBasis,
} from './goal.enums';

@InputType({ description: '绩效指标输入 (Indicator input)' })
export class IndicatorInput {
  @Field(() => ID, {
    nullable: true,
    description: '修改时填写原指标标识；新增时留空 (existing id when revising; empty when new)',
  })
  id?: string | null;

  @Field(() => IndicatorLevel1, { description: '一级指标 (level-1 category)' })
  level1!: IndicatorLevel1;

  @Field(() => IndicatorLevel2, { description: '二级指标 (level-2 category)' })
  level2!: IndicatorLevel2;

  @Field({ description: '指标名称 (name)' })
  name!: string;

  @Field(() => IndicatorOperator, { description: '比较方式 (operator)' })
  operator!: IndicatorOperator;

  @Field(() => Float, { nullable: true, description: '目标值 (numeric target)' })
  targetValue?: number | null;

  @Field(() => String, { nullable: true, description: '定性目标描述 (qualitative target wording)' })
  targetText?: string | null;

  @Field({ defaultValue: '', description: '计量单位 (unit of measure)' })
  unit!: string;

  @Field(() => Float, { description: '分值 (points)' })
  points!: number;

  @Field(() => TargetBasis, { description: '目标值依据 (basis)' })
  basis!: TargetBasis;

  @Field({ defaultValue: false, description: '是否核心指标 (core indicator)' })
  core!: boolean;

  @Field(() => ID, { nullable: true, description: '指标库模板标识 (library template id)' })
  templateId?: string | null;
}

@InputType({ description: '绩效目标内容 (What a goal says, apart from its indicators)' })
class GoalContentInput extends CommandInput {
  @Field(() => ID, {
    description: '所属项目标识；单位、年度、区划取自项目 (project id; unit, year and division come from it)',
  })
  projectId!: string;

  @Field(() => GoalTerm, { defaultValue: GoalTerm.ANNUAL, description: '目标期限 (term)' })
  term!: GoalTerm;

  @Field({ description: '总体目标 (overall goal)' })
  overallGoal!: string;

  @Field(() => MoneyScalar, { description: '资金金额（元）(amount, yuan)' })
  amount!: Fen;
}

@InputType({ description: '提交绩效目标：直接提交审核 (Submit a new goal straight to review)' })
export class SubmitGoalInput extends GoalContentInput {
  @Field(() => [IndicatorInput], {
    description: '绩效指标，至少 3 个，须含产出和效益指标 (≥ 3 indicators incl. output and benefit)',
  })
  indicators!: IndicatorInput[];
}

@InputType({
  description: '建立目标草稿：可暂不完整，提交时再检查 (Draft a goal; completeness is checked on submission)',
})
export class DraftGoalInput extends GoalContentInput {
  @Field(() => [IndicatorInput], { defaultValue: [], description: '已有的绩效指标 (indicators so far)' })
  indicators!: IndicatorInput[];
}

@InputType({ description: '以精品样本为蓝本建立草稿 (Draft a goal by copying an exemplary sample)' })
export class DraftGoalFromSampleInput extends CommandInput {
  @Field(() => ID, { description: '精品样本目标标识 (the exemplary goal to copy)' })
  sampleGoalId!: string;

  @Field(() => ID, { description: '新目标所属项目 (the project of the new goal)' })
  projectId!: string;
}

@InputType({ description: '提交草稿或重新提交退回的目标 (Submit a draft, or resubmit a returned goal)' })
export class SubmitDraftInput extends VersionedCommandInput {
  @Field(() => ID, { description: '目标标识 (goal id)' })
  goalId!: string;
}

@InputType({ description: '添加自定义指标 (Add an own indicator to a draft or returned goal)' })
export class AddIndicatorInput extends VersionedCommandInput {
  @Field(() => ID, { description: '目标标识 (goal id)' })
  goalId!: string;

  @Field(() => IndicatorInput, { description: '新指标 (the indicator)' })
  indicator!: IndicatorInput;
}

@InputType({ description: '从指标库添加指标：类别、名称、比较方式、单位取自模板 (Add an indicator from the library)' })
export class AddIndicatorFromTemplateInput extends VersionedCommandInput {
  @Field(() => ID, { description: '目标标识 (goal id)' })
  goalId!: string;

  @Field(() => ID, { description: '指标库模板标识 (template id)' })
  templateId!: string;

  @Field(() => Float, { nullable: true, description: '目标值 (numeric target)' })
  targetValue?: number | null;

  @Field(() => String, { nullable: true, description: '定性目标描述 (qualitative target wording)' })
  targetText?: string | null;

  @Field(() => Float, { description: '分值 (points)' })
  points!: number;

  @Field(() => TargetBasis, { defaultValue: TargetBasis.PLAN, description: '目标值依据 (basis)' })
  basis!: TargetBasis;

  @Field({ defaultValue: false, description: '是否核心指标 (core indicator)' })
  core!: boolean;
}

@InputType({ description: '修改绩效指标 (Revise one indicator of a draft or returned goal)' })
export class ReviseIndicatorInput extends VersionedCommandInput {
  @Field(() => ID, { description: '目标标识 (goal id)' })
  goalId!: string;

  @Field(() => IndicatorInput, { description: '修改后的指标，id 必填 (the indicator after revision; id required)' })
  indicator!: IndicatorInput;

  @Field({ description: '修改理由 (reason)' })
  reason!: string;
}

@InputType({ description: '删除绩效指标 (Remove an indicator from a draft or returned goal)' })
export class RemoveIndicatorInput extends VersionedCommandInput {
  @Field(() => ID, { description: '目标标识 (goal id)' })
  goalId!: string;

  @Field(() => ID, { description: '指标标识 (indicator id)' })
  indicatorId!: string;

  @Field({ description: '删除理由 (reason)' })
  reason!: string;
}

@InputType({ description: '逐项指标意见 (Comment on one indicator)' })
export class IndicatorCommentInput {
  @Field(() => ID, { description: '指标标识 (indicator id)' })
  indicatorId!: string;

  @Field({ description: '意见 (comment)' })
  comment!: string;
}

@InputType({ description: '审核意见 (A review decision or opinion)' })
class ReviewDecisionInput extends VersionedCommandInput {
  @Field(() => ID, { description: '目标标识 (goal id)' })
  goalId!: string;

  @Field({
    defaultValue: '',
    description: '总体意见；退回时必填或填写逐项意见 (comment; a return needs it or per-indicator comments)',
  })
  comment!: string;

  @Field(() => [IndicatorCommentInput], { defaultValue: [], description: '逐项指标意见 (per-indicator comments)' })
  indicatorComments!: IndicatorCommentInput[];
}

@InputType({
  description:
    '审核绩效目标：主管部门审核阶段由主管部门，财政联审阶段由绩效科作结论 (Review a goal: the department at its stage, the performance section concludes the joint review)',
})
export class ReviewGoalInput extends ReviewDecisionInput {
  @Field(() => ReviewResult, { description: '审核结论 (result)' })
  result!: ReviewResult;
}

@InputType({ description: '联审成员意见：预算科、绩效科、专家 (An opinion in the joint finance review)' })
export class RecordReviewOpinionInput extends ReviewDecisionInput {
  @Field(() => ReviewResult, { description: '意见 (opinion)' })
  opinion!: ReviewResult;
}

@InputType({ description: '随预算批复下达目标 (Issue an approved goal with the budget)' })
export class IssueGoalInput extends VersionedCommandInput {
  @Field(() => ID, { description: '目标标识 (goal id)' })
  goalId!: string;

  @Field({ description: '预算批复文号 (budget reply document number)' })
  budgetDocument!: string;

  @Field(() => MoneyScalar, { description: '下达金额（元）(issued amount, yuan)' })
  issuedAmount!: Fen;
}

@InputType({ description: '随预算调整调整目标 (Adjust an issued goal through a budget adjustment)' })
export class AdjustGoalInput extends VersionedCommandInput {
  @Field(() => ID, { description: '目标标识 (goal id)' })
  goalId!: string;

  @Field({ description: '预算调整文号，必填 (budget adjustment reference; required)' })
  budgetAdjustmentRef!: string;

  @Field({ description: '调整原因 (reason)' })
  reason!: string;

  @Field(() => MoneyScalar, { description: '调整后金额（元）(amount after adjustment, yuan)' })
  amount!: Fen;

  @Field(() => [IndicatorInput], { description: '调整后的全部指标 (all indicators after the adjustment)' })
  indicators!: IndicatorInput[];
}

@InputType({ description: '评为精品样本 (Mark an approved goal exemplary)' })
export class MarkGoalExemplaryInput extends VersionedCommandInput {
  @Field(() => ID, { description: '目标标识 (goal id)' })
  goalId!: string;

  @Field({ description: '理由 (reason)' })
  reason!: string;
}

@InputType({ description: '目标筛选条件 (Goal filter)' })
export class GoalFilter {
  @Field(() => ID, { nullable: true, description: '预算单位 (unit)' })
  unitId?: string | null;

  @Field(() => Int, { nullable: true, description: '预算年度 (fiscal year)' })
  fiscalYear?: number | null;

  @Field(() => GoalStatus, { nullable: true, description: '状态 (status)' })
  status?: GoalStatus | null;

  @Field(() => ID, { nullable: true, description: '项目 (project)' })
  projectId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '只看精品样本 (exemplary samples only)' })
  exemplary?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: '项目名称、项目编码或总体目标包含的文字 (text in the project name, project code or goal)',
  })
  text?: string | null;
}
