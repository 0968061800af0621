import { Field, Float, Int, ObjectType } from 'type-graphql';

const GRADE = '等级：EXCELLENT 优、GOOD 良、FAIR 中、POOR 差 (grade)';

@ObjectType({ description: '某等级的评价数 (How many evaluations reached a grade)' })
export class GradeCount {
  @Field({ description: GRADE })
  grade!: string;

  @Field(() => Int, { description: '评价数 (evaluations)' })
  count!: number;
}

@ObjectType({ description: '一类评价的得分统计 (Scores of one kind of evaluation)' })
export class EvaluationScoreFigures {
  @Field(() => Int, { description: '已评分的评价数 (evaluations scored)' })
  count!: number;

  @Field(() => Float, {
    nullable: true,
    description: '平均分，保留两位小数；无评分时为空 (average score to 2 decimals; null when none was scored)',
  })
  averageScore!: number | null;

  @Field(() => [GradeCount], { description: '等级分布，优良中差依次 (grade distribution, EXCELLENT to POOR)' })
  grades!: GradeCount[];
}

@ObjectType({ description: '某行业的年度评价统计 (A sector’s evaluation figures of a year)' })
export class SectorEvaluationFigures {
  @Field({ description: "行业/领域；空串为未分类 (sector; '' = unclassified)" })
  sector!: string;

  @Field({ description: '行业名称，未分类为「未分类」 (sector as shown)' })
  sectorLabel!: string;

  @Field(() => Int, { description: '有评分的单位数 (units with a scored evaluation)' })
  unitCount!: number;

  @Field(() => EvaluationScoreFigures, { description: '单位自评 (self-evaluations)' })
  selfEvaluation!: EvaluationScoreFigures;

  @Field(() => EvaluationScoreFigures, {
    description: '重点评价（已出正式报告） (key evaluations with a final report)',
  })
  keyEvaluation!: EvaluationScoreFigures;
}

@ObjectType({ description: '年度评价统计 (A year’s evaluation figures)' })
export class EvaluationFigures {
  @Field(() => Int, { description: '年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => [SectorEvaluationFigures], {
    description:
      '按预算单位行业分组：等级分布与平均分，行业目录顺序，未分类在后 (by the sector of the unit: grades and average score, in the list’s order, unclassified last)',
  })
  bySector!: SectorEvaluationFigures[];
}
