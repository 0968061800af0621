import type { ValueLabels } from '../catalog/define';
import type { EvaluationDimension, GRADES, INDICATOR_CATALOGUE_VERSIONS, PreAssessmentDimension } from './rule-profile';

/** 事前绩效评估维度. */
export const PRE_ASSESSMENT_DIMENSION_LABELS: ValueLabels<PreAssessmentDimension> = {
  NECESSITY: { zh: '立项必要性', en: 'necessity' },
  ECONOMY: { zh: '投入经济性', en: 'economy of inputs' },
  GOAL_REASONABLENESS: { zh: '绩效目标合理性', en: 'reasonableness of the goals' },
  FEASIBILITY: { zh: '实施方案可行性', en: 'feasibility of the plan' },
  FINANCING_COMPLIANCE: { zh: '筹资合规性', en: 'compliance of the financing' },
};

/** 重点评价、部门评价的一级维度. */
export const EVALUATION_DIMENSION_LABELS: ValueLabels<EvaluationDimension> = {
  DECISION: { zh: '决策', en: 'decision' },
  PROCESS: { zh: '过程', en: 'process' },
  OUTPUT: { zh: '产出', en: 'output' },
  BENEFIT: { zh: '效益', en: 'benefit' },
};

/** 评价等级. */
export const GRADE_LABELS: ValueLabels<(typeof GRADES)[number]> = {
  EXCELLENT: { zh: '优', en: 'excellent' },
  GOOD: { zh: '良', en: 'good' },
  FAIR: { zh: '中', en: 'fair' },
  POOR: { zh: '差', en: 'poor' },
};

/** 指标目录版本. */
export const INDICATOR_CATALOGUE_VERSION_LABELS: ValueLabels<(typeof INDICATOR_CATALOGUE_VERSIONS)[number]> = {
  '2020': { zh: '2020 版：产出、效益、满意度', en: '2020: output, benefit, satisfaction' },
  '2021': { zh: '2021 版起：增加成本指标', en: '2021 and later: adds cost indicators' },
};
