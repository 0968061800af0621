import { Field, Float, ID, InputType, Int } from 'type-graphql';
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

@InputType({ description: '提交绩效目标 (Submit a performance goal)' })
export class SubmitGoalInput {
  @Field(() => ID, { description: '预算单位标识 (budget unit id)' })
  unitId!: string;

  @Field({ description: '项目编码 (project code)' })
  projectCode!: string;

  @Field({ description: '项目名称 (project name)' })
  projectName!: string;

  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field({ description: '行政区划代码，6 位 (division code, 6 digits)' })
  divisionCode!: string;

  @Field(() => GoalTerm, { defaultValue: GoalTerm.ANNUAL, description: '目标期限 (term)' })
  term!: GoalTerm;

  @Field({ description: '总体目标 (overall goal)' })
  overallGoal!: string;

  @Field(() => Float, { description: '资金金额（元）(amount, yuan)' })
  amount!: number;

  @Field(() => [IndicatorInput], {
    description: '绩效指标，至少 3 个，须含产出和效益指标 (≥ 3 indicators incl. output and benefit)',
  })
  indicators!: IndicatorInput[];

  @Field(() => ID, { nullable: true, description: '幂等键：重复提交同一键只生效一次 (idempotency key)' })
  commandId?: string | null;
}

@InputType({ description: '修改绩效指标 (Revise one indicator)' })
export class ReviseIndicatorInput {
  @Field(() => ID, { description: '目标标识 (goal id)' })
  goalId!: string;

  @Field(() => IndicatorInput, { description: '修改后的指标，id 必填 (the indicator after revision; id required)' })
  indicator!: IndicatorInput;

  @Field({ description: '修改理由 (reason)' })
  reason!: string;

  @Field(() => Int, {
    nullable: true,
    description: '读取时的目标版本；不一致则拒绝 (version you read; refused if changed)',
  })
  expectedVersion?: number | null;

  @Field(() => ID, { nullable: true, description: '幂等键 (idempotency key)' })
  commandId?: string | null;
}

@InputType({ description: '逐项指标意见 (Comment on one indicator)' })
export class IndicatorCommentInput {
  @Field(() => ID)
  indicatorId!: string;

  @Field()
  comment!: string;
}

@InputType({ description: '审核绩效目标 (Review a goal)' })
export class ReviewGoalInput {
  @Field(() => ID, { description: '目标标识 (goal id)' })
  goalId!: string;

  @Field(() => ReviewResult, { description: '审核结论 (result)' })
  result!: ReviewResult;

  @Field({
    defaultValue: '',
    description:
      '总体意见；退回时必填或填写逐项意见 (overall comment; required to return unless per-indicator comments are given)',
  })
  comment!: string;

  @Field(() => [IndicatorCommentInput], { defaultValue: [], description: '逐项指标意见 (per-indicator comments)' })
  indicatorComments!: IndicatorCommentInput[];

  @Field(() => Int, { nullable: true, description: '读取时的目标版本 (version you read)' })
  expectedVersion?: number | null;

  @Field(() => ID, { nullable: true, description: '幂等键 (idempotency key)' })
  commandId?: string | null;
}

@InputType({ description: '目标筛选条件 (Goal filter)' })
export class GoalFilter {
  @Field(() => ID, { nullable: true, description: '预算单位 (unit)' })
  unitId?: string | null;

  @Field(() => Int, { nullable: true, description: '预算年度 (fiscal year)' })
  fiscalYear?: number | null;

  @Field(() => GoalStatus, { nullable: true, description: '状态 (status)' })
  status?: GoalStatus | null;
}
