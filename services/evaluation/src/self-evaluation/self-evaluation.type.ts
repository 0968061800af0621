import type { Fen } from '@jixiao/events';
import { MoneyScalar } from '@jixiao/service-kit';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  QualitativeLevel,
  SelfEvaluationAcceptanceBasis,
  SelfEvaluationDecision,
  SelfEvaluationObject,
  SelfEvaluationPart,
  SelfEvaluationStatus,
} from './self-evaluation.enums';

const GRADE = '等级：EXCELLENT 优、GOOD 良、FAIR 中、POOR 差 (grade)';

@ObjectType({ description: '计算式及其数字 (A formula with its numbers)' })
export class Formula {
  @Field({ description: '中文 (Chinese)' })
  zh!: string;

  @Field({ description: '英文 (English)' })
  en!: string;
}

@ObjectType({ description: '规则配置版本 (The rule profile version a decision used)' })
export class SelfEvaluationProfileRef {
  @Field({ description: '规则配置 (profile id)' })
  profileId!: string;

  @Field(() => Int, { description: '版本 (version)' })
  version!: number;
}

@ObjectType({ description: '定性指标的评定 (A qualitative value)' })
export class QualitativeValue {
  @Field(() => QualitativeLevel, { description: '完成等级 (level)' })
  level!: QualitativeLevel;

  @Field(() => Float, { description: '得分比例（%）(percent of the points)' })
  percent!: number;
}

@ObjectType({ description: '预算执行率得分 (The budget execution part)' })
export class BudgetExecutionScore {
  @Field(() => Float, { description: '权重 (weight)' })
  weight!: number;

  @Field(() => Float, { description: '执行率（执行数 ÷ 预算数，不封顶）(executed ÷ budget, uncapped)' })
  rate!: number;

  @Field(() => Float, { description: '得分 (points awarded)' })
  awarded!: number;

  @Field(() => Formula, { description: '计算式 (formula with its numbers)' })
  formula!: Formula;
}

@ObjectType({
  description: '自评表的一行：填报内容与得分计算式 (One line of the score sheet: what was stated and how it scored)',
})
export class SelfEvaluationLine {
  @Field(() => ID, { description: '指标标识 (indicator id)' })
  indicatorId!: string;

  @Field({ description: '指标名称 (name)' })
  name!: string;

  @Field({ description: '一级指标 (level-1 category)' })
  level1!: string;

  @Field({ description: '比较方式 (operator)' })
  operator!: string;

  @Field(() => Float, { nullable: true, description: '目标值 (target)' })
  target!: number | null;

  @Field(() => Float, { description: '原分值 (points as set)' })
  points!: number;

  @Field(() => Float, { nullable: true, description: '实际完成值 (actual value)' })
  actual!: number | null;

  @Field(() => QualitativeValue, { nullable: true, description: '定性评定 (qualitative value)' })
  qualitative!: QualitativeValue | null;

  @Field(() => String, { nullable: true, description: '定性评定理由 (reason)' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: '偏差原因 (deviation cause)' })
  deviationCause!: string | null;

  @Field(() => String, { nullable: true, description: '改进措施 (improvement measure)' })
  improvementMeasure!: string | null;

  @Field(() => SelfEvaluationPart, { description: '所属部分 (part)' })
  part!: SelfEvaluationPart;

  @Field(() => Float, { description: '折算后分值 (points scaled so the part sums to its weight)' })
  scaledPoints!: number;

  @Field(() => Formula, { description: '折算式 (how the points were scaled)' })
  scaling!: Formula;

  @Field(() => Float, { description: '得分 (points awarded)' })
  awarded!: number;

  @Field({ description: '是否满分 (full points)' })
  full!: boolean;

  @Field(() => Formula, { description: '得分计算式，如 25 × min(3 / 4, 1) = 18.75 (formula with its numbers)' })
  formula!: Formula;
}

@ObjectType({ description: '分项得分 (A part of the score)' })
export class SelfEvaluationPartScore {
  @Field(() => SelfEvaluationPart, { description: '部分 (part)' })
  part!: SelfEvaluationPart;

  @Field(() => Float, { description: '计分权重 (weight scored out of)' })
  weight!: number;

  @Field(() => Float, { description: '规则配置权重 (the profile’s weight)' })
  profileWeight!: number;

  @Field(() => Float, { description: '得分 (awarded)' })
  awarded!: number;

  @Field(() => Formula, { description: '计算式 (formula)' })
  formula!: Formula;
}

@ObjectType({
  description:
    '提交前尚需补充或更正之处，与提交时的拒绝理由相同 (What submission would still refuse: the same issues, each naming its field)',
})
export class SelfEvaluationSheetIssue {
  @Field({ description: '字段路径，如 indicators.0.deviationCause (the field, e.g. indicators.0.deviationCause)' })
  path!: string;

  @Field({ description: '中文说明 (Chinese)' })
  zh!: string;

  @Field({ description: '英文说明 (English)' })
  en!: string;
}

@ObjectType({
  description:
    '得分预览：与提交时同一计算；尚缺的说明（评定理由、偏差原因、改进措施）列于 issues，不妨碍计分 ' +
    '(A score preview: the same computation as on submission; explanations still owed are listed in issues beside the score)',
})
export class SelfEvaluationScorePreview {
  @Field(() => [SelfEvaluationSheetIssue], {
    description:
      '提交时会被拒绝的理由，为空即可提交 (What submission would refuse the sheet for; empty when it may be submitted)',
  })
  issues!: SelfEvaluationSheetIssue[];

  @Field(() => BudgetExecutionScore, { description: '预算执行率 (budget execution)' })
  budgetExecution!: BudgetExecutionScore;

  @Field(() => [SelfEvaluationLine], { description: '各指标 (lines)' })
  lines!: SelfEvaluationLine[];

  @Field(() => [SelfEvaluationPartScore], { description: '各部分 (parts)' })
  parts!: SelfEvaluationPartScore[];

  @Field(() => Float, { description: '总分 (total, out of 100)' })
  total!: number;

  @Field({ description: GRADE })
  grade!: string;
}

@ObjectType({ description: '审核或抽查记录 (A review: the department’s or the bureau’s spot check)' })
export class SelfEvaluationReview {
  @Field({ description: '环节：DEPARTMENT 主管部门审核、SPOT_CHECK 财政抽查 (stage)' })
  stage!: string;

  @Field(() => Int, { description: '针对第几次提交 (the submission reviewed)' })
  submission!: number;

  @Field(() => SelfEvaluationDecision, { description: '结论 (decision)' })
  decision!: SelfEvaluationDecision;

  @Field({ description: '意见 (comments)' })
  comment!: string;

  @Field({ description: '时间 (decided at, ISO)' })
  decidedAt!: string;
}

@ObjectType({ description: '单位自评 (A self-evaluation: its task, status and score sheet)' })
export class SelfEvaluation {
  @Field(() => ID, { description: '标识 (id)' })
  id!: string;

  @Field(() => ID, { description: '预算单位 (unit)' })
  unitId!: string;

  @Field({ description: '行政区划代码 (division)' })
  divisionCode!: string;

  @Field(() => Int, { description: '被评价的预算年度 (fiscal year evaluated)' })
  fiscalYear!: number;

  @Field(() => SelfEvaluationObject, { description: '自评对象 (object)' })
  object!: SelfEvaluationObject;

  @Field(() => ID, { nullable: true, description: '绩效目标 (goal, for a project)' })
  goalId!: string | null;

  @Field(() => ID, { nullable: true, description: '项目 (project)' })
  projectId!: string | null;

  @Field({ description: '名称：项目名或单位名 (the project’s or the unit’s name)' })
  name!: string;

  @Field(() => SelfEvaluationStatus, { description: '状态 (status)' })
  status!: SelfEvaluationStatus;

  @Field({ description: '填报截止日期 (due date)' })
  dueDate!: string;

  @Field({ description: '逾期未填报：截止日已过而未提交 (overdue: the due date passed and nothing was submitted)' })
  overdue!: boolean;

  @Field({ description: '须经主管部门审核 (reviewed by a supervising department first)' })
  departmentReview!: boolean;

  @Field(() => Int, { description: '提交次数 (times submitted)' })
  submission!: number;

  @Field(() => Boolean, {
    nullable: true,
    description: '是否被抽中财政抽查；未抽样时为空 (drawn for the spot check; null before the draw)',
  })
  drawn!: boolean | null;

  @Field({ description: '逾期提交 (submitted after the due date)' })
  late!: boolean;

  @Field(() => SelfEvaluationProfileRef, { nullable: true, description: '计分所用规则配置 (profile scored under)' })
  ruleProfile!: SelfEvaluationProfileRef | null;

  @Field(() => MoneyScalar, { nullable: true, description: '全年预算数（元）(budget, yuan)' })
  budget!: Fen | null;

  @Field(() => MoneyScalar, { nullable: true, description: '全年执行数（元）(executed, yuan)' })
  executed!: Fen | null;

  @Field(() => BudgetExecutionScore, { nullable: true, description: '预算执行率得分 (budget execution)' })
  budgetExecution!: BudgetExecutionScore | null;

  @Field(() => [SelfEvaluationLine], { description: '自评表各行 (the score sheet’s lines)' })
  lines!: SelfEvaluationLine[];

  @Field(() => [SelfEvaluationPartScore], { description: '各部分得分 (parts)' })
  parts!: SelfEvaluationPartScore[];

  @Field(() => Float, { nullable: true, description: '总分 (total)' })
  total!: number | null;

  @Field(() => String, { nullable: true, description: GRADE })
  grade!: string | null;

  @Field(() => [SelfEvaluationReview], { description: '审核与抽查记录 (reviews)' })
  reviews!: SelfEvaluationReview[];

  @Field(() => SelfEvaluationAcceptanceBasis, { nullable: true, description: '认定依据 (how it was accepted)' })
  acceptedBasis!: SelfEvaluationAcceptanceBasis | null;

  @Field(() => String, { nullable: true, description: '最近提交时间 (last submitted at, ISO)' })
  submittedAt!: string | null;
}

@ObjectType({ description: '单位自评分页 (A page of self-evaluations)' })
export class SelfEvaluationPage {
  @Field(() => [SelfEvaluation], { description: '本页 (this page)' })
  nodes!: SelfEvaluation[];

  @Field(() => Int, { description: '总数 (total count)' })
  totalCount!: number;
}

@ObjectType({ description: '财政抽查样本 (The spot-check draw)' })
export class SpotCheckDraw {
  @Field({ description: '抽样种子 (seed)' })
  seed!: string;

  @Field(() => Float, { description: '抽查比例（%）(share, percent)' })
  percent!: number;

  @Field(() => [ID], { description: '抽样范围：通知中的全部单位 (the pool: every unit of the notice)' })
  poolUnitIds!: string[];

  @Field(() => [ID], { description: '抽中的单位 (units drawn)' })
  drawnUnitIds!: string[];

  @Field({ description: '抽取时间 (drawn at, ISO)' })
  drawnAt!: string;
}

@ObjectType({ description: '绩效自评通知 (The year’s self-evaluation notice)' })
export class EvaluationNotice {
  @Field({ description: '行政区划代码 (division)' })
  divisionCode!: string;

  @Field(() => Int, { description: '被评价的预算年度 (fiscal year evaluated)' })
  fiscalYear!: number;

  @Field({ description: '填报截止日期 (due date)' })
  dueDate!: string;

  @Field({ description: '截止日已过 (the due date has passed)' })
  duePassed!: boolean;

  @Field(() => SelfEvaluationProfileRef, { description: '下达时适用的规则配置 (profile in force when issued)' })
  ruleProfile!: SelfEvaluationProfileRef;

  @Field(() => Int, { description: '任务数 (tasks)' })
  taskCount!: number;

  @Field({ description: '下达时间 (issued at, ISO)' })
  issuedAt!: string;

  @Field(() => SpotCheckDraw, { nullable: true, description: '财政抽查样本，未抽取时为空 (the draw; null before it)' })
  draw!: SpotCheckDraw | null;
}
