import { BigIntType, EntitySchema } from '@mikro-orm/core';

/** One attached document as the request names it (the file is in the attachment store). */
export interface DisbursementDocumentEntry {
  attachmentId: string;
  name: string;
  sizeBytes: number;
  contentType: string;
  sha256: string;
}

/** The facts of the opinion form as they were shown when the opinion was signed. */
export interface DisbursementFactsEntry {
  goalSet: boolean;
  goalStatus: string | null;
  inGoalManagement: boolean;
  executionRate: string | null;
  latestLikelihood: string | null;
  stopFunding: boolean;
  heldBefore: number;
}

/** A fact the signer corrected: the value shown, the value signed and why. */
export interface DisbursementOverrideEntry {
  fact: string;
  shown: boolean | string | null;
  signed: boolean | string | null;
  reason: string;
}

/** The latest opinion on a request (审核意见): outcome, reasons, comment, the facts shown, the signer. */
export interface DisbursementOpinionEntry {
  outcome: string;
  reasons: string[];
  comment: string | null;
  shown: DisbursementFactsEntry;
  overrides: DisbursementOverrideEntry[];
  /** The submission it was on (1, 2 after one correction, …). */
  submission: number;
  /** Who signed it: the actor of the event's metadata. */
  signerId: string;
  signedAt: string;
  eventId: string;
}

/** 拨款申请读模型 — one row per disbursement request, as it stands now. */
export interface DisbursementRequestRow {
  requestId: string;
  streamId: string;
  lastVersion: number;
  unitId: string;
  projectId: string;
  goalId: string;
  fiscalYear: number;
  /** Whole fen: the amount of the latest submission. */
  amountFen: number;
  purpose: string;
  /** 支付批次. */
  batch: string;
  documents: DisbursementDocumentEntry[];
  /** Documents received over every submission of the request (a corrected one brings its own). */
  documentsReceived: number;
  /** REQUESTED, CLEARED or HELD. */
  status: string;
  /** 1 for the first submission, one more per correction. */
  submission: number;
  firstSubmittedAt: Date;
  lastSubmittedAt: Date;
  /** The month (1–12, China time) of the first submission: what the year's figures count it under. */
  submittedMonth: number;
  /** When the latest opinion was signed; null while REQUESTED for the first time. */
  decidedAt: Date | null;
  opinion: DisbursementOpinionEntry | null;
}

export const DisbursementRequestRowSchema = new EntitySchema<DisbursementRequestRow>({
  name: 'DisbursementRequestRow',
  tableName: 'rm_disbursement_request',
  indexes: [
    // the section's queue: REQUESTED, oldest first
    { properties: ['status', 'lastSubmittedAt'] },
    // the year's figures and lists, per unit
    { properties: ['fiscalYear', 'unitId'] },
  ],
  properties: {
    requestId: { type: 'string', primary: true },
    streamId: { type: 'string', index: true },
    lastVersion: { type: 'integer' },
    unitId: { type: 'string' },
    projectId: { type: 'string', index: true },
    goalId: { type: 'string' },
    fiscalYear: { type: 'integer' },
    amountFen: { type: new BigIntType('number') },
    purpose: { type: 'text' },
    batch: { type: 'string' },
    documents: { type: 'json' },
    documentsReceived: { type: 'integer' },
    status: { type: 'string' },
    submission: { type: 'integer' },
    firstSubmittedAt: { type: 'datetime' },
    lastSubmittedAt: { type: 'datetime' },
    submittedMonth: { type: 'integer' },
    decidedAt: { type: 'datetime', nullable: true },
    opinion: { type: 'json', nullable: true },
  },
});

/** The latest monitoring report of a project, as far as the opinion form needs it. */
export interface StandingReportEntry {
  roundId: string;
  goalId: string;
  executedFen: number;
  budgetFen: number;
  likelihoods: string[];
  filedAt: string;
}

/**
 * 项目拨款情况 — per project, what the opinion form is pre-filled from (besides the goal's status,
 * read from planning's goals at the moment): the budget allocated, what was cleared and what other
 * requests ask for, earlier holds, the latest monitoring report and any stop-funding decision in force.
 */
export interface DisbursementStandingRow {
  /** The project id. */
  key: string;
  /** The project's total allocated budget (planning's BudgetAllocated.totalAllocatedFen); 0 before any. */
  allocatedFen: number;
  /** Requests CLEARED: what finance pays out. */
  clearedFen: number;
  clearedCount: number;
  /** Requests waiting for an opinion (REQUESTED), with their amounts. */
  openFen: number;
  openCount: number;
  /** Opinions that HELD a request of the project, ever (a held request corrected and cleared still counts). */
  heldOpinions: number;
  latestReport: StandingReportEntry | null;
  /** STOP_FUNDING corrections on the project not lifted; funding is stopped while any is in force. */
  stopCorrectionIds: string[];
}

export const DisbursementStandingRowSchema = new EntitySchema<DisbursementStandingRow>({
  name: 'DisbursementStandingRow',
  tableName: 'rm_disbursement_standing',
  properties: {
    key: { type: 'string', primary: true },
    allocatedFen: { type: new BigIntType('number') },
    clearedFen: { type: new BigIntType('number') },
    clearedCount: { type: 'integer' },
    openFen: { type: new BigIntType('number') },
    openCount: { type: 'integer' },
    heldOpinions: { type: 'integer' },
    latestReport: { type: 'json', nullable: true },
    stopCorrectionIds: { type: 'json' },
  },
});
