import { z } from 'zod';
import { defineEvent, type ValueLabels } from '../catalog/define';

/**
 * What a person can be assigned to, and so reach rows that are not their unit's:
 * - `PRE_ASSESSMENT`: an expert (or review-centre staff) scores a pre-assessment (事前评估评分);
 * - `KEY_EVALUATION`: an expert is invited to score a key or department evaluation (重点评价专家评分);
 * - `OVERSIGHT_CASE`: a people's-congress member follows an oversight case (人大监督);
 * - `LEDGER`: a personnel department reads an accountability ledger (责任台账).
 */
export const ASSIGNMENT_KINDS = ['PRE_ASSESSMENT', 'KEY_EVALUATION', 'OVERSIGHT_CASE', 'LEDGER'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

/** The kinds' labels, for messages and the schema's enum. */
export const ASSIGNMENT_KIND_LABELS: ValueLabels<AssignmentKind> = {
  PRE_ASSESSMENT: { zh: '事前绩效评估', en: 'pre-assessment' },
  KEY_EVALUATION: { zh: '财政重点评价', en: 'key evaluation' },
  OVERSIGHT_CASE: { zh: '人大监督事项', en: 'oversight case' },
  LEDGER: { zh: '责任台账', en: 'accountability ledger' },
};

const assignment = {
  kind: z.enum(ASSIGNMENT_KINDS),
  /** The record assigned: a pre-assessment id, a key evaluation id, … */
  subjectId: z.string().min(1).max(200),
  /** The user (token subject) who may now reach the record. */
  assigneeUserId: z.string().min(1).max(200),
  /** Why: the decision that named them (an opening, a contract, a committee's decision). */
  reason: z.string().min(1).max(2000),
};

export const AssignmentGranted = defineEvent({
  type: 'AssignmentGranted',
  context: 'directory',
  description: '已指派 — a user was assigned to a record (a pre-assessment, key evaluation, oversight case or ledger)',
  schemaVersion: 1,
  schema: z.object(assignment),
});

export const AssignmentRevoked = defineEvent({
  type: 'AssignmentRevoked',
  context: 'directory',
  description: '已撤销指派 — a user’s assignment to a record was withdrawn; they no longer reach it',
  schemaVersion: 1,
  schema: z.object(assignment),
});

export const assignmentEvents = [AssignmentGranted, AssignmentRevoked] as const;
