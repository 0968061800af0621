import { z } from 'zod';
import { defineEvent, type ValueLabels } from '../catalog/define';
import { attachmentSchema } from '../execution/disbursement';
import { EVALUATION_DIMENSIONS, GRADES, ruleProfileRefSchema } from '../planning/rule-profile';

/**
 * 财政重点评价 — the key-evaluation events: the year's plan, assignment, fieldwork evidence, scores
 * per dimension and indicator, report versions, feedback and answers, the final report and the
 * results notified (DOMAIN.md, "Key evaluation"; issue 16). Agencies themselves are agency.ts's.
 */

/** 财政重点评价 by an agency the bureau bought in, or 部门评价 by the unit's department. */
export const KEY_EVALUATION_KINDS = ['FINANCE_KEY', 'DEPARTMENT'] as const;
/** What is evaluated: a project, a policy, or a department's overall expenditure. */
export const KEY_EVALUATION_OBJECTS = ['PROJECT', 'POLICY', 'DEPT_OVERALL'] as const;
/** DOMAIN.md's lifecycle up to the results notified (rectification and application are accountability's). */
export const KEY_EVALUATION_STAGES = [
  'PLANNED',
  'AGENCY_ASSIGNED',
  'FIELDWORK',
  'DRAFT_REPORT',
  'UNIT_FEEDBACK',
  'FINAL',
  'RESULTS_NOTIFIED',
] as const;
/** 现场核查, 资料收集, 座谈会, 问卷调查. */
export const EVIDENCE_KINDS = ['SITE_VISIT', 'DOCUMENTS', 'SYMPOSIUM', 'QUESTIONNAIRE'] as const;
/** Who gave an opinion on a draft: the evaluated unit, or a symposium (recorded by the evaluator). */
export const FEEDBACK_SOURCES = ['UNIT', 'SYMPOSIUM'] as const;

export const KEY_EVALUATION_KIND_LABELS: ValueLabels<(typeof KEY_EVALUATION_KINDS)[number]> = {
  FINANCE_KEY: { zh: '财政重点评价', en: 'key evaluation by a third-party agency' },
  DEPARTMENT: { zh: '部门评价', en: 'department evaluation' },
};
export const KEY_EVALUATION_OBJECT_LABELS: ValueLabels<(typeof KEY_EVALUATION_OBJECTS)[number]> = {
  PROJECT: { zh: '项目', en: 'project' },
  POLICY: { zh: '政策', en: 'policy' },
  DEPT_OVERALL: { zh: '部门整体支出', en: "a department's overall expenditure" },
};
export const KEY_EVALUATION_STAGE_LABELS: ValueLabels<(typeof KEY_EVALUATION_STAGES)[number]> = {
  PLANNED: { zh: '已列入计划', en: 'planned' },
  AGENCY_ASSIGNED: { zh: '已委托', en: 'evaluator assigned' },
  FIELDWORK: { zh: '现场评价', en: 'fieldwork' },
  DRAFT_REPORT: { zh: '报告初稿', en: 'draft report' },
  UNIT_FEEDBACK: { zh: '征求意见', en: 'feedback on the draft' },
  FINAL: { zh: '正式报告', en: 'final report' },
  RESULTS_NOTIFIED: { zh: '结果已通知', en: 'results notified' },
};
export const EVIDENCE_KIND_LABELS: ValueLabels<(typeof EVIDENCE_KINDS)[number]> = {
  SITE_VISIT: { zh: '现场核查', en: 'site visit' },
  DOCUMENTS: { zh: '资料收集', en: 'documents collected' },
  SYMPOSIUM: { zh: '座谈会', en: 'symposium' },
  QUESTIONNAIRE: { zh: '问卷调查', en: 'questionnaire' },
};
export const FEEDBACK_SOURCE_LABELS: ValueLabels<(typeof FEEDBACK_SOURCES)[number]> = {
  UNIT: { zh: '被评价单位意见', en: 'the evaluated unit' },
  SYMPOSIUM: { zh: '座谈会意见', en: 'a symposium' },
};

/** A day, `YYYY-MM-DD` (China's time). */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.string().min(1).max(2000);
const points = z.number().nonnegative().max(100);

/** The points of each level-1 dimension, out of 100. */
export const keyEvaluationSplitSchema = z.object({
  DECISION: points,
  PROCESS: points,
  OUTPUT: points,
  BENEFIT: points,
});

/** One indicator's score: `points` of `maxPoints`, under one dimension. */
export const givenScoreSchema = z.object({
  dimension: z.enum(EVALUATION_DIMENSIONS),
  indicator: z.string().min(1).max(200),
  points,
  maxPoints: points,
});

export const KeyEvaluationPlanned = defineEvent({
  type: 'KeyEvaluationPlanned',
  context: 'evaluation',
  description: '重点评价已列入年度计划 — the bureau put a project, policy or department on the year’s evaluation plan',
  schemaVersion: 1,
  schema: z.object({
    evaluationId: z.string().min(1),
    kind: z.enum(KEY_EVALUATION_KINDS),
    object: z.enum(KEY_EVALUATION_OBJECTS),
    unitId: z.string().min(1),
    /** The project evaluated (PROJECT), else null. */
    projectId: z.string().min(1).nullable(),
    /** The project's, policy's or department's name as planned. */
    subject: z.string().min(1).max(200),
    fiscalYear: z.number().int().min(2000).max(2100),
    /** The split in force: the profile's, or as the planner adjusted it. */
    split: keyEvaluationSplitSchema,
    minOutputBenefitPercent: z.number().min(0).max(100),
    ruleProfile: ruleProfileRefSchema,
  }),
});

export const KeyEvaluationAssigned = defineEvent({
  type: 'KeyEvaluationAssigned',
  context: 'evaluation',
  description:
    '重点评价已委托 — an agency under its contract (or, for a department evaluation, the department) carries it out',
  schemaVersion: 1,
  schema: z.object({
    evaluationId: z.string().min(1),
    /** The agency id (FINANCE_KEY) or the department's unit id (DEPARTMENT). */
    evaluatorId: z.string().min(1),
    /** The agency's contract the assignment is under; null for a department. */
    contractNumber: z.string().min(1).nullable(),
    /** 委托范围 — what the evaluator is to evaluate. */
    scope: text,
  }),
});

export const EvaluationEvidenceRecorded = defineEvent({
  type: 'EvaluationEvidenceRecorded',
  context: 'evaluation',
  description: '评价证据已记录 — a site visit, documents collected, a symposium or a questionnaire, with attachments',
  schemaVersion: 1,
  schema: z.object({
    evaluationId: z.string().min(1),
    evidenceId: z.string().min(1),
    kind: z.enum(EVIDENCE_KINDS),
    /** The day it happened. */
    date: day,
    /** SITE_VISIT: the place visited; else null. */
    place: z.string().min(1).max(200).nullable(),
    /** DOCUMENTS: the documents collected; else empty. */
    documents: z.array(z.string().min(1).max(200)),
    /** SYMPOSIUM: who took part; else empty. */
    participants: z.array(z.string().min(1).max(200)),
    /** QUESTIONNAIRE: sent, returned and the satisfaction rate in percent; else null. */
    questionnaire: z
      .object({
        sent: z.number().int().positive(),
        returned: z.number().int().nonnegative(),
        satisfactionPercent: z.number().min(0).max(100),
      })
      .nullable(),
    note: z.string().max(2000).nullable(),
    attachments: z.array(attachmentSchema),
  }),
});

export const EvaluationScoreGiven = defineEvent({
  type: 'EvaluationScoreGiven',
  context: 'evaluation',
  description: '评价打分 — the evaluator scored one indicator of a dimension (a later score of it replaces this one)',
  schemaVersion: 1,
  schema: z.object({
    evaluationId: z.string().min(1),
    ...givenScoreSchema.shape,
    reason: z.string().max(2000).nullable(),
  }),
});

export const EvaluationExpertScoreGiven = defineEvent({
  type: 'EvaluationExpertScoreGiven',
  context: 'evaluation',
  description:
    '专家评分 — an expert invited to the evaluation scored one indicator, recorded beside the evaluator’s scores (the final score stays the evaluator’s; a later score of the same expert and indicator replaces this one)',
  schemaVersion: 1,
  schema: z.object({
    evaluationId: z.string().min(1),
    /** The expert's user id (the token subject the KEY_EVALUATION assignment names). */
    expertId: z.string().min(1).max(200),
    ...givenScoreSchema.shape,
    reason: z.string().max(2000).nullable(),
  }),
});

export const EvaluationDraftReportSubmitted = defineEvent({
  type: 'EvaluationDraftReportSubmitted',
  context: 'evaluation',
  description: '评价报告初稿已提交 — version n of the draft report, the file’s hash recorded',
  schemaVersion: 1,
  schema: z.object({
    evaluationId: z.string().min(1),
    version: z.number().int().positive(),
    report: attachmentSchema,
    summary: z.string().max(2000).nullable(),
  }),
});

export const EvaluationFeedbackGiven = defineEvent({
  type: 'EvaluationFeedbackGiven',
  context: 'evaluation',
  description: '评价报告意见 — the evaluated unit’s feedback, or a symposium’s opinions, on a draft version',
  schemaVersion: 1,
  schema: z.object({
    evaluationId: z.string().min(1),
    feedbackId: z.string().min(1),
    source: z.enum(FEEDBACK_SOURCES),
    /** The draft version it is on. */
    onVersion: z.number().int().positive(),
    text,
  }),
});

export const EvaluationFeedbackAnswered = defineEvent({
  type: 'EvaluationFeedbackAnswered',
  context: 'evaluation',
  description: '意见已回复 — the evaluator answered one feedback item: adopted or not, and why',
  schemaVersion: 1,
  schema: z.object({
    evaluationId: z.string().min(1),
    feedbackId: z.string().min(1),
    adopted: z.boolean(),
    answer: text,
  }),
});

export const KeyEvaluationFinalized = defineEvent({
  type: 'KeyEvaluationFinalized',
  context: 'evaluation',
  description:
    '正式评价报告 — the final report with its score per dimension, total and grade, computed under the profile',
  schemaVersion: 1,
  schema: z.object({
    evaluationId: z.string().min(1),
    report: attachmentSchema,
    dimensions: z.array(z.object({ dimension: z.enum(EVALUATION_DIMENSIONS), maxPoints: points, awarded: points })),
    total: points,
    grade: z.enum(GRADES),
    /** The profile whose grade bands graded it. */
    ruleProfile: ruleProfileRefSchema,
  }),
});

export const KeyEvaluationResultsNotified = defineEvent({
  type: 'KeyEvaluationResultsNotified',
  context: 'evaluation',
  description: '评价结果已通知 — the bureau notified the evaluated unit of the result',
  schemaVersion: 1,
  schema: z.object({
    evaluationId: z.string().min(1),
    unitId: z.string().min(1),
    note: z.string().max(2000).nullable(),
  }),
});

/** Every key-evaluation event type. */
export const keyEvaluationEvents = [
  KeyEvaluationPlanned,
  KeyEvaluationAssigned,
  EvaluationEvidenceRecorded,
  EvaluationScoreGiven,
  EvaluationExpertScoreGiven,
  EvaluationDraftReportSubmitted,
  EvaluationFeedbackGiven,
  EvaluationFeedbackAnswered,
  KeyEvaluationFinalized,
  KeyEvaluationResultsNotified,
] as const;
