import type { Actor, AssignKeyEvaluation, PlanKeyEvaluation } from './key-evaluation.decider';
import type { KeyEvaluationAssigned, KeyEvaluationEvent, KeyEvaluationPlanned } from './key-evaluation.events';
import type { Attachment } from './key-evaluation.work.rules';

/** Shared histories and commands of the key-evaluation decider's specs (tests only). */
export const limits = { maxBytes: 20 * 1024 * 1024, contentTypes: ['application/pdf', 'image/jpeg'] };
export const file = (name: string, sha = 'a'): Attachment => ({
  attachmentId: `att-${name}`,
  name,
  sizeBytes: 10_240,
  contentType: 'application/pdf',
  sha256: sha.repeat(64),
});
export const agency: Actor = { role: 'AGENCY', unitId: 'ag-1' };
export const otherAgency: Actor = { role: 'AGENCY', unitId: 'ag-2' };
export const unit: Actor = { role: 'BUDGET_UNIT', unitId: 'u-edu' };
export const department: Actor = { role: 'DEPARTMENT', unitId: 'u-dept' };
export const profile = {
  ref: { profileId: 'builtin-national', version: 1 },
  split: { DECISION: 15, PROCESS: 20, OUTPUT: 35, BENEFIT: 30 },
  minOutputBenefitPercent: 60,
};
export const gradeBands = { EXCELLENT: 90, GOOD: 80, FAIR: 60 };

export const section: Actor = { role: 'PERFORMANCE_SECTION', unitId: null };
export const plan: PlanKeyEvaluation = {
  type: 'PlanKeyEvaluation',
  evaluationId: 'e1',
  by: section,
  kind: 'FINANCE_KEY',
  object: 'PROJECT',
  unitId: 'u-edu',
  projectId: 'p1',
  subject: '薄弱学校改造工程',
  fiscalYear: 2023,
  split: null,
  context: { profile, project: { unitId: 'u-edu' } },
};
export const assign: AssignKeyEvaluation = {
  type: 'AssignKeyEvaluation',
  evaluationId: 'e1',
  by: section,
  evaluatorId: 'ag-1',
  contractNumber: 'HT-2024-01',
  scope: '项目决策、过程、产出与效益',
  today: '2024-04-01',
  context: {
    agency: { contracts: [{ contractNumber: 'HT-2024-01', from: '2024-03-01', to: '2024-12-31' }] },
    supervises: false,
  },
};

export const planned: KeyEvaluationPlanned = {
  type: 'KeyEvaluationPlanned',
  data: {
    evaluationId: 'e1',
    kind: 'FINANCE_KEY',
    object: 'PROJECT',
    unitId: 'u-edu',
    projectId: 'p1',
    subject: '薄弱学校改造工程',
    fiscalYear: 2023,
    split: profile.split,
    minOutputBenefitPercent: 60,
    ruleProfile: profile.ref,
  },
};
export const assigned: KeyEvaluationAssigned = {
  type: 'KeyEvaluationAssigned',
  data: { evaluationId: 'e1', evaluatorId: 'ag-1', contractNumber: 'HT-2024-01', scope: '项目决策、过程、产出与效益' },
};
export const visited: KeyEvaluationEvent = {
  type: 'EvaluationEvidenceRecorded',
  data: {
    evaluationId: 'e1',
    evidenceId: 'v1',
    kind: 'SITE_VISIT',
    date: '2024-04-10',
    place: '龙尾山村小学',
    documents: [],
    participants: [],
    questionnaire: null,
    note: null,
    attachments: [file('现场照片.pdf')],
  },
};
export const scored = (
  dimension: 'DECISION' | 'PROCESS' | 'OUTPUT' | 'BENEFIT',
  points: number,
  maxPoints: number,
  indicator = `${dimension}-1`,
): KeyEvaluationEvent => ({
  type: 'EvaluationScoreGiven',
  data: { evaluationId: 'e1', dimension, indicator, points, maxPoints, reason: null },
});
export const allScored: KeyEvaluationEvent[] = [
  scored('DECISION', 14, 15),
  scored('PROCESS', 18, 20),
  scored('OUTPUT', 30, 35),
  scored('BENEFIT', 25.5, 30),
];
export const drafted = (version: number): KeyEvaluationEvent => ({
  type: 'EvaluationDraftReportSubmitted',
  data: { evaluationId: 'e1', version, report: file(`初稿v${version}.pdf`, 'b'), summary: null },
});
export const fed = (feedbackId: string, source: 'UNIT' | 'SYMPOSIUM' = 'UNIT'): KeyEvaluationEvent => ({
  type: 'EvaluationFeedbackGiven',
  data: { evaluationId: 'e1', feedbackId, source, onVersion: 1, text: '产出数量口径有误' },
});
export const answered = (feedbackId: string): KeyEvaluationEvent => ({
  type: 'EvaluationFeedbackAnswered',
  data: { evaluationId: 'e1', feedbackId, adopted: true, answer: '已按单位口径修改' },
});
export const finalized: KeyEvaluationEvent = {
  type: 'KeyEvaluationFinalized',
  data: {
    evaluationId: 'e1',
    report: file('正式报告.pdf', 'c'),
    dimensions: [],
    total: 87.5,
    grade: 'GOOD',
    ruleProfile: profile.ref,
  },
};
export const fieldwork = [planned, assigned, visited];
export const inFeedback = [...fieldwork, ...allScored, drafted(1), fed('f1')];
