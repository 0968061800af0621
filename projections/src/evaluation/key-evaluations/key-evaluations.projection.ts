import type {
  DataOf,
  EvaluationDraftReportSubmitted,
  EvaluationEvidenceRecorded,
  EvaluationExpertScoreGiven,
  EvaluationFeedbackAnswered,
  EvaluationFeedbackGiven,
  EvaluationScoreGiven,
  KeyEvaluationAssigned,
  KeyEvaluationFinalized,
  KeyEvaluationPlanned,
  KeyEvaluationResultsNotified,
  RecordedEvent,
} from '@jixiao/events';
import { defineProjection, rowStorage } from '../../projection';
import { KeyEvaluationRowSchema, type KeyEvaluationFileEntry, type KeyEvaluationRow } from './key-evaluations.entities';

const fileOf = ({
  attachmentId,
  name,
  sizeBytes,
  contentType,
  sha256,
}: KeyEvaluationFileEntry): KeyEvaluationFileEntry => ({
  attachmentId,
  name,
  sizeBytes,
  contentType,
  sha256,
});

function planned(event: RecordedEvent): KeyEvaluationRow {
  const d = event.data as DataOf<typeof KeyEvaluationPlanned>;
  const at = new Date(event.recordedAt);
  return {
    evaluationId: d.evaluationId,
    streamId: event.streamId,
    lastVersion: event.streamVersion,
    kind: d.kind,
    object: d.object,
    unitId: d.unitId,
    projectId: d.projectId,
    subject: d.subject,
    fiscalYear: d.fiscalYear,
    split: { ...d.split },
    minOutputBenefitPercent: d.minOutputBenefitPercent,
    ruleProfile: { ...d.ruleProfile },
    stage: 'PLANNED',
    stageEnteredAt: at,
    plannedAt: at,
    evaluatorId: null,
    contractNumber: null,
    assignmentScope: null,
    evidence: [],
    scores: [],
    expertScores: [],
    reports: [],
    feedback: [],
    openFeedback: 0,
    final: null,
    total: null,
    grade: null,
    notifiedAt: null,
    notificationNote: null,
  };
}

/** The row in `stage` from this event on; the day it entered is kept while it stays. */
const staged = (row: KeyEvaluationRow, event: RecordedEvent, stage: string): KeyEvaluationRow => ({
  ...row,
  lastVersion: event.streamVersion,
  stage,
  stageEnteredAt: row.stage === stage ? row.stageEnteredAt : new Date(event.recordedAt),
});

/** Pure: an evaluation row after one event of its stream (an event before the plan is ignored). */
export function evolveKeyEvaluation(row: KeyEvaluationRow | null, event: RecordedEvent): KeyEvaluationRow | null {
  if (event.type === 'KeyEvaluationPlanned') return planned(event);
  if (!row) return row;
  const by = event.metadata.actorId;
  switch (event.type) {
    case 'KeyEvaluationAssigned': {
      const d = event.data as DataOf<typeof KeyEvaluationAssigned>;
      return {
        ...staged(row, event, 'AGENCY_ASSIGNED'),
        evaluatorId: d.evaluatorId,
        contractNumber: d.contractNumber,
        assignmentScope: d.scope,
      };
    }
    case 'EvaluationEvidenceRecorded': {
      const d = event.data as DataOf<typeof EvaluationEvidenceRecorded>;
      const entry = {
        evidenceId: d.evidenceId,
        kind: d.kind,
        date: d.date,
        place: d.place,
        documents: [...d.documents],
        participants: [...d.participants],
        questionnaire: d.questionnaire && { ...d.questionnaire },
        note: d.note,
        attachments: d.attachments.map(fileOf),
        recordedBy: by,
        recordedAt: event.recordedAt,
      };
      return { ...staged(row, event, 'FIELDWORK'), evidence: [...row.evidence, entry] };
    }
    case 'EvaluationScoreGiven': {
      const d = event.data as DataOf<typeof EvaluationScoreGiven>;
      const { dimension, indicator, points, maxPoints, reason } = d;
      const entry = { dimension, indicator, points, maxPoints, reason, scoredBy: by, scoredAt: event.recordedAt };
      const same = (s: { dimension: string; indicator: string }) =>
        s.dimension === d.dimension && s.indicator === d.indicator;
      const scores = row.scores.some(same) ? row.scores.map((s) => (same(s) ? entry : s)) : [...row.scores, entry];
      return { ...row, lastVersion: event.streamVersion, scores };
    }
    case 'EvaluationExpertScoreGiven': {
      const d = event.data as DataOf<typeof EvaluationExpertScoreGiven>;
      const { expertId, dimension, indicator, points, maxPoints, reason } = d;
      const entry = { expertId, dimension, indicator, points, maxPoints, reason, scoredAt: event.recordedAt };
      const same = (s: { expertId: string; dimension: string; indicator: string }) =>
        s.expertId === expertId && s.dimension === dimension && s.indicator === indicator;
      const expertScores = row.expertScores.some(same)
        ? row.expertScores.map((s) => (same(s) ? entry : s))
        : [...row.expertScores, entry];
      return { ...row, lastVersion: event.streamVersion, expertScores };
    }
    case 'EvaluationDraftReportSubmitted': {
      const d = event.data as DataOf<typeof EvaluationDraftReportSubmitted>;
      const entry = { version: d.version, report: fileOf(d.report), summary: d.summary, submittedAt: event.recordedAt };
      return { ...staged(row, event, 'DRAFT_REPORT'), reports: [...row.reports, entry] };
    }
    case 'EvaluationFeedbackGiven': {
      const d = event.data as DataOf<typeof EvaluationFeedbackGiven>;
      const entry = {
        feedbackId: d.feedbackId,
        source: d.source,
        onVersion: d.onVersion,
        text: d.text,
        givenBy: by,
        givenAt: event.recordedAt,
        answer: null,
      };
      return {
        ...staged(row, event, 'UNIT_FEEDBACK'),
        feedback: [...row.feedback, entry],
        openFeedback: row.openFeedback + 1,
      };
    }
    case 'EvaluationFeedbackAnswered': {
      const d = event.data as DataOf<typeof EvaluationFeedbackAnswered>;
      const answer = { adopted: d.adopted, text: d.answer, answeredBy: by, answeredAt: event.recordedAt };
      const feedback = row.feedback.map((f) => (f.feedbackId === d.feedbackId && !f.answer ? { ...f, answer } : f));
      return {
        ...row,
        lastVersion: event.streamVersion,
        feedback,
        openFeedback: feedback.filter((f) => !f.answer).length,
      };
    }
    case 'KeyEvaluationFinalized': {
      const d = event.data as DataOf<typeof KeyEvaluationFinalized>;
      const final = {
        report: fileOf(d.report),
        dimensions: d.dimensions.map((x) => ({ ...x })),
        total: d.total,
        grade: d.grade,
        ruleProfile: { ...d.ruleProfile },
        finalizedAt: event.recordedAt,
      };
      return { ...staged(row, event, 'FINAL'), final, total: d.total, grade: d.grade };
    }
    case 'KeyEvaluationResultsNotified': {
      const d = event.data as DataOf<typeof KeyEvaluationResultsNotified>;
      return {
        ...staged(row, event, 'RESULTS_NOTIFIED'),
        notifiedAt: new Date(event.recordedAt),
        notificationNote: d.note,
      };
    }
    default:
      return row;
  }
}

/** 重点评价读模型 — one row per evaluation: stage and since when, evidence, scores, reports, feedback, result. */
export const keyEvaluationsProjection = defineProjection<KeyEvaluationRow>({
  name: 'evaluation.key-evaluations',
  handles: [
    'KeyEvaluationPlanned',
    'KeyEvaluationAssigned',
    'EvaluationEvidenceRecorded',
    'EvaluationScoreGiven',
    'EvaluationExpertScoreGiven',
    'EvaluationDraftReportSubmitted',
    'EvaluationFeedbackGiven',
    'EvaluationFeedbackAnswered',
    'KeyEvaluationFinalized',
    'KeyEvaluationResultsNotified',
  ],
  entities: [KeyEvaluationRowSchema],
  evolve: evolveKeyEvaluation,
  ...rowStorage(KeyEvaluationRowSchema, 'evaluationId'),
});
