import type { Fen } from '@jixiao/events';
import { COMMAND_ID_DESCRIPTION, MoneyScalar } from '@jixiao/service-kit';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { QualitativeLevel, SelfEvaluationDecision, SelfEvaluationStatus } from './self-evaluation.enums';

@InputType({ description: '下达绩效自评通知 (Issue the year’s self-evaluation notice)' })
export class IssueEvaluationNoticeInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field({ description: '行政区划代码，如 429006 (division code)' })
  divisionCode!: string;

  @Field(() => Int, { description: '被评价的预算年度（上一年度）(the fiscal year evaluated, the previous one)' })
  fiscalYear!: number;

  @Field({ description: '填报截止日期 YYYY-MM-DD，须在该年度结束之后 (due date, after the year evaluated ends)' })
  dueDate!: string;
}

@InputType({ description: '定性指标的评定 (A qualitative indicator’s level and percent within its band)' })
export class QualitativeValueInput {
  @Field(() => QualitativeLevel, { description: '完成等级 (level)' })
  level!: QualitativeLevel;

  @Field(() => Float, {
    description: '得分比例（%），须在该等级区间内 (percent of the points, within the level’s band)',
  })
  percent!: number;
}

@InputType({ description: '自评表的一行 (One line of the score sheet)' })
export class SelfEvaluationLineInput {
  @Field(() => ID, {
    description: '指标标识；项目自评须为目标已下达的指标 (indicator id; for a project, one of its goal’s)',
  })
  indicatorId!: string;

  @Field(() => String, { nullable: true, description: '指标名称，仅整体支出自评填写 (name; overall expenditure only)' })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '一级指标 OUTPUT/BENEFIT/SATISFACTION/COST，仅整体支出自评填写 (level-1 category; overall expenditure only)',
  })
  level1?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '比较方式 >=、<=、=、>、<、QUALITATIVE，仅整体支出自评填写 (operator; overall expenditure only)',
  })
  operator?: string | null;

  @Field(() => Float, { nullable: true, description: '目标值，仅整体支出自评填写 (target; overall expenditure only)' })
  target?: number | null;

  @Field(() => Float, { nullable: true, description: '分值，仅整体支出自评填写 (points; overall expenditure only)' })
  points?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '实际完成值；定性指标不填 (actual value; none for a qualitative one)',
  })
  actual?: number | null;

  @Field(() => QualitativeValueInput, { nullable: true, description: '定性指标的评定 (qualitative value)' })
  qualitative?: QualitativeValueInput | null;

  @Field(() => String, { nullable: true, description: '定性评定理由 (reason for the qualitative value)' })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: '偏差原因，未得满分须填 (deviation cause, below full points)' })
  deviationCause?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '改进措施，未得满分须填 (improvement measure, below full points)',
  })
  improvementMeasure?: string | null;
}

@InputType({
  description: '填报（或退回后重新提交）单位自评 (Submit a self-evaluation, or resubmit it after a return)',
})
export class SubmitSelfEvaluationInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: '自评任务 (the evaluation)' })
  evaluationId!: string;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      '全年预算数（元），仅整体支出自评填写；项目取目标下达金额 (full-year budget, yuan; overall expenditure only)',
  })
  budget?: Fen | null;

  @Field(() => MoneyScalar, { description: '全年执行数（元）(amount executed in the year, yuan)' })
  executed!: Fen;

  @Field(() => [SelfEvaluationLineInput], { description: '各指标完成情况 (per indicator)' })
  indicators!: SelfEvaluationLineInput[];
}

@InputType({ description: '审核或抽查结论 (A review or spot-check decision)' })
export class SelfEvaluationDecisionInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: '自评 (the evaluation)' })
  evaluationId!: string;

  @Field(() => SelfEvaluationDecision, { description: '通过或退回 (accept or return)' })
  decision!: SelfEvaluationDecision;

  @Field({ defaultValue: '', description: '意见，退回须填 (comments; required for a return)' })
  comment: string = '';
}

@InputType({ description: '抽取财政抽查样本 (Draw the spot-check sample)' })
export class DrawSpotCheckInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field({ description: '行政区划代码 (division code)' })
  divisionCode!: string;

  @Field(() => Int, { description: '被评价的预算年度 (fiscal year evaluated)' })
  fiscalYear!: number;

  @Field(() => String, {
    nullable: true,
    description:
      '抽样种子，记录在案以便复核；缺省为「区划-年度」(seed, recorded so anyone can redraw; default division-year)',
  })
  seed?: string | null;
}

@InputType({ description: '自评筛选 (Self-evaluation filter)' })
export class SelfEvaluationFilter {
  @Field(() => Int, { description: '被评价的预算年度 (fiscal year evaluated)' })
  fiscalYear!: number;

  @Field(() => ID, { nullable: true, description: '预算单位 (unit)' })
  unitId?: string | null;

  @Field(() => SelfEvaluationStatus, { nullable: true, description: '状态 (status)' })
  status?: SelfEvaluationStatus | null;
}
