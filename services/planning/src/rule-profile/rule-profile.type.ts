import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { EVALUATION_DIMENSION_LABELS, EVALUATION_DIMENSIONS, GRADE_LABELS, GRADES } from '@jixiao/events';
import { COMMAND_ID_DESCRIPTION, registerCatalogEnum, type CatalogEnumValue } from '@jixiao/service-kit';
import { JointReviewerRole } from '../goal/goal.enums';
import { RuleProfileRefType } from '../goal/goal.type';
import { CatalogueVersion } from '../library/template.enums';
import { PreAssessmentDimension } from '../pre-assessment/pre-assessment.enums';

export const Grade = registerCatalogEnum(GRADES, {
  name: 'Grade',
  description: { zh: '评价等级', en: 'Evaluation grade' },
  labels: GRADE_LABELS,
});
export type Grade = CatalogEnumValue<typeof Grade>;

export const EvaluationDimension = registerCatalogEnum(EVALUATION_DIMENSIONS, {
  name: 'EvaluationDimension',
  description: { zh: '重点评价、部门评价的一级维度', en: 'Level-1 dimension of a key or department evaluation' },
  labels: EVALUATION_DIMENSION_LABELS,
});
export type EvaluationDimension = CatalogEnumValue<typeof EvaluationDimension>;

@ObjectType('EvaluationDimensionPoints', {
  description: '重点评价、部门评价一级维度的分值 (Points of a key-evaluation dimension)',
})
@InputType('EvaluationDimensionPointsInput', {
  description: '重点评价、部门评价一级维度的分值 (Points of a key-evaluation dimension)',
})
export class EvaluationDimensionPoints {
  @Field(() => EvaluationDimension, { description: '维度 (dimension)' })
  dimension!: EvaluationDimension;

  @Field(() => Float, { description: '分值 (points)' })
  points!: number;
}

@ObjectType('DimensionMaxPoints', { description: '维度满分 (Maximum points of a pre-assessment dimension)' })
@InputType('DimensionMaxPointsInput', { description: '维度满分 (Maximum points of a pre-assessment dimension)' })
export class DimensionMaxPoints {
  @Field(() => PreAssessmentDimension, { description: '维度 (dimension)' })
  dimension!: PreAssessmentDimension;

  @Field(() => Float, { description: '满分 (maximum points)' })
  maxPoints!: number;
}

@ObjectType('GradeBands', { description: '等级分数线：优、良、中的下限，低于中为差 (Lower bounds of the grades)' })
@InputType('GradeBandsInput', { description: '等级分数线 (Lower bounds of the grades)' })
export class GradeBands {
  @Field(() => Float, { description: '优 ≥ (excellent from)' })
  EXCELLENT!: number;

  @Field(() => Float, { description: '良 ≥ (good from)' })
  GOOD!: number;

  @Field(() => Float, { description: '中 ≥ (fair from)' })
  FAIR!: number;
}

@ObjectType('SelfEvaluationWeights', { description: '自评权重，合计 100 (Self-evaluation weights, adding up to 100)' })
@InputType('SelfEvaluationWeightsInput', { description: '自评权重 (Self-evaluation weights)' })
export class SelfEvaluationWeights {
  @Field(() => Float, { description: '预算执行率 (budget execution)' })
  budgetExecution!: number;

  @Field(() => Float, { description: '产出指标 (output)' })
  output!: number;

  @Field(() => Float, { description: '效益指标 (benefit)' })
  benefit!: number;

  @Field(() => Float, { description: '满意度指标 (satisfaction)' })
  satisfaction!: number;
}

@ObjectType('QuestioningSponsors', {
  description: '提出质询案所需常委会组成人员数 (Members needed to file a questioning motion)',
})
@InputType('QuestioningSponsorsInput', { description: '质询案联名人数 (Members needed to file a questioning motion)' })
export class QuestioningSponsors {
  @Field(() => Int, { description: '县级 (county)' })
  county!: number;

  @Field(() => Int, { description: '设区的市级 (prefecture)' })
  prefecture!: number;

  @Field(() => Int, { description: '省级 (province)' })
  province!: number;

  @Field(() => Int, { description: '全国 (national)' })
  national!: number;
}

@ObjectType('GradeBudgetCut', { description: '按等级压减预算的比例 (Budget cut by grade)' })
@InputType('GradeBudgetCutInput', { description: '按等级压减预算的比例 (Budget cut by grade)' })
export class GradeBudgetCut {
  @Field(() => Grade, { description: '等级 (grade)' })
  grade!: Grade;

  @Field(() => Float, { description: '压减百分比 (cut, percent)' })
  percent!: number;
}

@ObjectType({
  description: '规则配置：某地区某年度生效的可配置参数 (The configurable rules in force for a division and year)',
})
export class RuleProfile {
  @Field(() => RuleProfileRefType, { description: '配置标识与版本 (profile id and version)' })
  ref!: RuleProfileRefType;

  @Field({ description: '名称 (name)' })
  name!: string;

  @Field({ description: '适用区划，000000 为全国 (division it belongs to; 000000 is national)' })
  divisionCode!: string;

  @Field(() => Int, {
    nullable: true,
    description: '适用年度；内置配置为空，适用所有年度 (fiscal year; null for built-in profiles)',
  })
  fiscalYear!: number | null;

  @Field({ description: '是否内置配置 (built in, not published by a division)' })
  builtIn!: boolean;

  @Field(() => Float, { description: '事前评估通过分数线 (pre-assessment pass mark)' })
  passMark!: number;

  @Field(() => [DimensionMaxPoints], { description: '事前评估各维度满分 (pre-assessment dimension maxima)' })
  dimensionMaxPoints!: DimensionMaxPoints[];

  @Field(() => GradeBands, { description: '等级分数线 (grade bands)' })
  gradeBands!: GradeBands;

  @Field(() => SelfEvaluationWeights, { description: '自评权重 (self-evaluation weights)' })
  selfEvaluationWeights!: SelfEvaluationWeights;

  @Field(() => CatalogueVersion, { description: '指标目录版本 (indicator catalogue version)' })
  indicatorCatalogueVersion!: CatalogueVersion;

  @Field(() => QuestioningSponsors, { description: '质询案联名人数 (questioning sponsors)' })
  questioningSponsors!: QuestioningSponsors;

  @Field(() => [GradeBudgetCut], { description: '按等级压减预算比例 (budget cut by grade)' })
  budgetCutPercentByGrade!: GradeBudgetCut[];

  @Field(() => [JointReviewerRole], {
    description: '财政联审须有意见的成员 (joint-review members whose opinion is required)',
  })
  jointReviewRoles!: JointReviewerRole[];

  @Field(() => Int, { description: '退回目标重新提交期限，天 (days to resubmit a returned goal)' })
  goalResubmissionDays!: number;

  @Field(() => Float, {
    description:
      '绩效监控执行进度容差，百分点：执行率低于时间进度不超过此数不预警，默认 0 ' +
      '(monitoring: percentage points the execution rate may lag the elapsed share of the year without a warning; 0 by default)',
  })
  executionTolerancePoints!: number;

  @Field(() => Float, {
    description:
      '财政抽查自评单位的比例，百分比，默认 10 (share of units whose self-evaluations are spot-checked, percent; 10 by default)',
  })
  spotCheckPercent!: number;

  @Field(() => [EvaluationDimensionPoints], {
    description:
      '重点评价、部门评价分值结构：决策、过程、产出、效益，合计 100，默认 15/20/35/30 ' +
      '(key and department evaluations: points of decision, process, output and benefit, adding up to 100)',
  })
  keyEvaluationSplit!: EvaluationDimensionPoints[];

  @Field(() => Float, {
    description:
      '产出与效益合计至少占的比例，百分比，默认 60 (the least share output and benefit together carry, percent; 60 by default)',
  })
  minOutputBenefitPercent!: number;
}

@InputType({
  description:
    '发布规则配置：未填写的项沿用当前生效的配置 (Publish a rule profile; omitted parts keep the rules in force)',
})
export class PublishRuleProfileInput {
  @Field({ description: '区划代码，6 位 (division code)' })
  divisionCode!: string;

  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field({ description: '名称 (name)' })
  name!: string;

  @Field({ description: '调整理由 (reason)' })
  reason!: string;

  @Field(() => Float, { nullable: true, description: '事前评估通过分数线 (pass mark)' })
  passMark?: number | null;

  @Field(() => [DimensionMaxPoints], { nullable: true, description: '维度满分 (dimension maxima)' })
  dimensionMaxPoints?: DimensionMaxPoints[] | null;

  @Field(() => GradeBands, { nullable: true, description: '等级分数线 (grade bands)' })
  gradeBands?: GradeBands | null;

  @Field(() => SelfEvaluationWeights, { nullable: true, description: '自评权重 (self-evaluation weights)' })
  selfEvaluationWeights?: SelfEvaluationWeights | null;

  @Field(() => CatalogueVersion, { nullable: true, description: '指标目录版本 (catalogue version)' })
  indicatorCatalogueVersion?: CatalogueVersion | null;

  @Field(() => QuestioningSponsors, { nullable: true, description: '质询案联名人数 (questioning sponsors)' })
  questioningSponsors?: QuestioningSponsors | null;

  @Field(() => [GradeBudgetCut], { nullable: true, description: '按等级压减预算比例 (budget cut by grade)' })
  budgetCutPercentByGrade?: GradeBudgetCut[] | null;

  @Field(() => [JointReviewerRole], { nullable: true, description: '联审必需成员 (required joint-review members)' })
  jointReviewRoles?: JointReviewerRole[] | null;

  @Field(() => Int, { nullable: true, description: '退回目标重新提交期限，天 (days to resubmit a returned goal)' })
  goalResubmissionDays?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '绩效监控执行进度容差，百分点 0—100 (monitoring: execution-rate tolerance, percentage points 0–100)',
  })
  executionTolerancePoints?: number | null;

  @Field(() => Float, { nullable: true, description: '财政抽查比例，百分比 0—100 (spot-check share, percent 0–100)' })
  spotCheckPercent?: number | null;

  @Field(() => [EvaluationDimensionPoints], {
    nullable: true,
    description:
      '重点评价分值结构；给出的维度替换当前值，合计须为 100 (key-evaluation split; the dimensions given replace those in force, the four must add up to 100)',
  })
  keyEvaluationSplit?: EvaluationDimensionPoints[] | null;

  @Field(() => Float, {
    nullable: true,
    description: '产出与效益合计最低比例，百分比 0—100 (least share of output + benefit, percent 0–100)',
  })
  minOutputBenefitPercent?: number | null;

  @Field(() => String, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;
}
