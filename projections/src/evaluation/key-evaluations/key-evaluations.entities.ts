import { EntitySchema } from '@mikro-orm/core';
import type { Versioned } from '../../projection';

/** One attached file as an evaluation event names it (the file is in the attachment store). */
export interface KeyEvaluationFileEntry {
  attachmentId: string;
  name: string;
  sizeBytes: number;
  contentType: string;
  sha256: string;
}

/** 评价证据 — a site visit, documents, a symposium or a questionnaire, with its attachments. */
export interface KeyEvaluationEvidenceEntry {
  evidenceId: string;
  kind: string;
  date: string;
  place: string | null;
  documents: string[];
  participants: string[];
  questionnaire: { sent: number; returned: number; satisfactionPercent: number } | null;
  note: string | null;
  attachments: KeyEvaluationFileEntry[];
  recordedBy: string;
  recordedAt: string;
}

/** The latest score of one indicator. */
export interface KeyEvaluationScoreEntry {
  dimension: string;
  indicator: string;
  points: number;
  maxPoints: number;
  reason: string | null;
  scoredBy: string;
  scoredAt: string;
}

/** An invited expert's latest score of one indicator (beside the evaluator's; not in the total). */
export interface KeyEvaluationExpertScoreEntry {
  expertId: string;
  dimension: string;
  indicator: string;
  points: number;
  maxPoints: number;
  reason: string | null;
  scoredAt: string;
}

/** 报告初稿 — one version, the file's hash recorded. */
export interface KeyEvaluationReportEntry {
  version: number;
  report: KeyEvaluationFileEntry;
  summary: string | null;
  submittedAt: string;
}

/** 反馈意见 and the evaluator's answer. */
export interface KeyEvaluationFeedbackEntry {
  feedbackId: string;
  source: string;
  onVersion: number;
  text: string;
  givenBy: string;
  givenAt: string;
  answer: { adopted: boolean; text: string; answeredBy: string; answeredAt: string } | null;
}

/** 正式报告 — score per dimension, total and grade, and the profile that graded it. */
export interface KeyEvaluationFinalEntry {
  report: KeyEvaluationFileEntry;
  dimensions: { dimension: string; maxPoints: number; awarded: number }[];
  total: number;
  grade: string;
  ruleProfile: { profileId: string; version: number };
  finalizedAt: string;
}

/** 重点评价读模型 — one row per key or department evaluation (stream `keyevaluation-<id>`). */
export interface KeyEvaluationRow extends Versioned {
  evaluationId: string;
  kind: string;
  object: string;
  unitId: string;
  projectId: string | null;
  subject: string;
  fiscalYear: number;
  split: { DECISION: number; PROCESS: number; OUTPUT: number; BENEFIT: number };
  minOutputBenefitPercent: number;
  ruleProfile: { profileId: string; version: number };
  /** PLANNED … RESULTS_NOTIFIED. */
  stage: string;
  /** When it entered its stage: the plan board's days in stage count from here. */
  stageEnteredAt: Date;
  plannedAt: Date;
  /** The agency (FINANCE_KEY) or the department's unit (DEPARTMENT); null while PLANNED. */
  evaluatorId: string | null;
  contractNumber: string | null;
  assignmentScope: string | null;
  evidence: KeyEvaluationEvidenceEntry[];
  scores: KeyEvaluationScoreEntry[];
  /** 专家评分: invited experts' scores, per expert and indicator, in the order first given. */
  expertScores: KeyEvaluationExpertScoreEntry[];
  reports: KeyEvaluationReportEntry[];
  feedback: KeyEvaluationFeedbackEntry[];
  /** Feedback items not answered yet. */
  openFeedback: number;
  final: KeyEvaluationFinalEntry | null;
  /** Denormalised from `final` for filters and charts. */
  total: number | null;
  grade: string | null;
  notifiedAt: Date | null;
  notificationNote: string | null;
}

export const KeyEvaluationRowSchema = new EntitySchema<KeyEvaluationRow>({
  name: 'KeyEvaluationRow',
  tableName: 'rm_key_evaluation',
  indexes: [{ properties: ['fiscalYear', 'stage'] }, { properties: ['fiscalYear', 'unitId'] }],
  properties: {
    evaluationId: { type: 'string', primary: true },
    streamId: { type: 'string', index: true },
    lastVersion: { type: 'integer' },
    kind: { type: 'string' },
    object: { type: 'string' },
    unitId: { type: 'string' },
    projectId: { type: 'string', nullable: true },
    subject: { type: 'string' },
    fiscalYear: { type: 'integer' },
    split: { type: 'json' },
    minOutputBenefitPercent: { type: 'double' },
    ruleProfile: { type: 'json' },
    stage: { type: 'string' },
    stageEnteredAt: { type: 'datetime' },
    plannedAt: { type: 'datetime' },
    evaluatorId: { type: 'string', nullable: true, index: true },
    contractNumber: { type: 'string', nullable: true },
    assignmentScope: { type: 'text', nullable: true },
    evidence: { type: 'json' },
    scores: { type: 'json' },
    expertScores: { type: 'json' },
    reports: { type: 'json' },
    feedback: { type: 'json' },
    openFeedback: { type: 'integer' },
    final: { type: 'json', nullable: true },
    total: { type: 'double', nullable: true },
    grade: { type: 'string', nullable: true },
    notifiedAt: { type: 'datetime', nullable: true },
    notificationNote: { type: 'text', nullable: true },
  },
});
