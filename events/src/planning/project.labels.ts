import type { ValueLabels } from '../catalog/define';
import type {
  GATE_CONDITIONS,
  LIBRARY_STATUSES,
  PRE_ASSESSMENT_CONCLUSIONS,
  PRE_ASSESSMENT_STATUSES,
  PRE_ASSESSMENT_SUBJECTS,
  PROJECT_CATEGORIES,
  SCORER_ROLES,
} from './project';

/** 项目类别. */
export const PROJECT_CATEGORY_LABELS: ValueLabels<(typeof PROJECT_CATEGORIES)[number]> = {
  RECURRING: { zh: '经常性项目', en: 'recurring' },
  CONTINUING: { zh: '延续性项目', en: 'continuing' },
  ONE_OFF: { zh: '一次性项目', en: 'one-off' },
};

/** 项目库状态. */
export const LIBRARY_STATUS_LABELS: ValueLabels<(typeof LIBRARY_STATUSES)[number]> = {
  PROPOSED: { zh: '已申报，未入库', en: 'proposed, not in the library' },
  IN_LIBRARY: { zh: '已入库', en: 'in the project library' },
};

/** 入库条件. */
export const GATE_CONDITION_LABELS: ValueLabels<(typeof GATE_CONDITIONS)[number]> = {
  APPROVED_GOAL: { zh: '已批准的绩效目标', en: 'an approved performance goal' },
  PASSED_PRE_ASSESSMENT: {
    zh: '通过的事前绩效评估（新增重大项目）',
    en: 'a passed pre-assessment, for new major projects',
  },
};

/** 评估对象. */
export const PRE_ASSESSMENT_SUBJECT_LABELS: ValueLabels<(typeof PRE_ASSESSMENT_SUBJECTS)[number]> = {
  PROJECT: { zh: '项目', en: 'a project' },
  POLICY: { zh: '政策', en: 'a policy' },
};

/** 评估结论. */
export const PRE_ASSESSMENT_CONCLUSION_LABELS: ValueLabels<(typeof PRE_ASSESSMENT_CONCLUSIONS)[number]> = {
  SUPPORT: { zh: '予以支持', en: 'support' },
  SUPPORT_AFTER_REVISION: { zh: '完善后予以支持', en: 'support after revision' },
  REJECT: { zh: '不予支持', en: 'reject' },
};

/** 评分方. */
export const SCORER_ROLE_LABELS: ValueLabels<(typeof SCORER_ROLES)[number]> = {
  EXPERT: { zh: '评审专家', en: 'an expert' },
  INVESTMENT_REVIEW_CENTRE: { zh: '投资评审中心', en: 'the investment review centre' },
};

/** 评估状态. */
export const PRE_ASSESSMENT_STATUS_LABELS: ValueLabels<(typeof PRE_ASSESSMENT_STATUSES)[number]> = {
  OPEN: { zh: '评分中', en: 'being scored' },
  CONCLUDED: { zh: '已出具结论', en: 'concluded' },
};
