import { z } from 'zod';
import { defineEvent, type ValueLabels } from '../catalog/define';
import { fenSchema } from '../money';
import { GOAL_STATUSES } from '../planning/goal';

/** 拨款审核的结论: the money may go out, or it is held with reasons. */
export const DISBURSEMENT_OUTCOMES = ['CLEARED', 'HELD'] as const;
/** A request waits for the performance section's opinion while REQUESTED. */
export const DISBURSEMENT_STATUSES = ['REQUESTED', 'CLEARED', 'HELD'] as const;
/** 完成可能性 of a monitoring report's indicator. */
export const LIKELIHOODS = ['ON_TRACK', 'AT_RISK', 'IMPOSSIBLE'] as const;
/** The facts of the opinion form, pre-filled from the read models; the signer may override some with a reason. */
export const DISBURSEMENT_FACTS = ['goalSet', 'inGoalManagement', 'executionRate', 'latestLikelihood'] as const;

export const DISBURSEMENT_OUTCOME_LABELS: ValueLabels<(typeof DISBURSEMENT_OUTCOMES)[number]> = {
  CLEARED: { zh: '同意拨付', en: 'cleared: the money may go out' },
  HELD: { zh: '暂缓拨付', en: 'held, with reasons' },
};
export const DISBURSEMENT_STATUS_LABELS: ValueLabels<(typeof DISBURSEMENT_STATUSES)[number]> = {
  REQUESTED: { zh: '待审核', en: 'requested: waiting for the performance opinion' },
  CLEARED: { zh: '同意拨付', en: 'cleared' },
  HELD: { zh: '暂缓拨付', en: 'held: may be corrected and submitted again' },
};
export const DISBURSEMENT_FACT_LABELS: ValueLabels<(typeof DISBURSEMENT_FACTS)[number]> = {
  goalSet: { zh: '是否设定绩效目标', en: 'a performance goal is set' },
  inGoalManagement: {
    zh: '是否纳入目标管理（目标已批复或下达）',
    en: 'under goal management (goal approved or issued)',
  },
  executionRate: { zh: '预算执行率（%）', en: 'budget execution rate (%)' },
  latestLikelihood: {
    zh: '最近一次监控的目标完成可能性',
    en: 'the latest monitoring report’s likelihood of completion',
  },
};

/** One attached document: the file is in the attachment store, the event holds what identifies it. */
export const attachmentSchema = z.object({
  attachmentId: z.string().min(1),
  name: z.string().min(1).max(200),
  sizeBytes: z.number().int().positive(),
  contentType: z.string().min(1).max(100),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const requestContent = {
  amountFen: fenSchema.positive(),
  purpose: z.string().min(1).max(2000),
  /** 支付批次, e.g. 「2023年第3批」. */
  batch: z.string().min(1).max(100),
  documents: z.array(attachmentSchema).min(1),
};

/**
 * The facts as the opinion form showed them at the moment of signing: replaying years later shows
 * what the signer saw, whatever the read models say then.
 */
export const disbursementFactsSchema = z.object({
  /** A performance goal exists for the project and year. */
  goalSet: z.boolean(),
  /** Its status then; null without a goal. */
  goalStatus: z.enum(GOAL_STATUSES).nullable(),
  /** Under goal management: the goal APPROVED or ISSUED (or adjusted after). */
  inGoalManagement: z.boolean(),
  /** The project's budget execution rate in percent with two decimals ("58.33"); null before any spending report. */
  executionRate: z
    .string()
    .regex(/^\d{1,3}\.\d{2}$/)
    .nullable(),
  /** The worst likelihood of the latest monitoring report; null before any. */
  latestLikelihood: z.enum(LIKELIHOODS).nullable(),
  /** A stop-funding decision on the project that has not been lifted. */
  stopFunding: z.boolean(),
  /** Opinions that HELD a request of this project before this one. */
  heldBefore: z.number().int().nonnegative(),
});

export const DisbursementRequested = defineEvent({
  type: 'DisbursementRequested',
  context: 'execution',
  description: '拨款申请已提交 — a budget unit asked to pay out project money, with its approval form and documents',
  schemaVersion: 1,
  schema: z.object({
    requestId: z.string().min(1),
    unitId: z.string().min(1),
    projectId: z.string().min(1),
    goalId: z.string().min(1),
    fiscalYear: z.number().int().min(2000).max(2100),
    ...requestContent,
  }),
});

export const DisbursementOpinionSigned = defineEvent({
  type: 'DisbursementOpinionSigned',
  context: 'execution',
  description: '拨款审核意见已签署 — the performance section cleared or held a request, with the facts it was shown',
  schemaVersion: 1,
  schema: z.object({
    requestId: z.string().min(1),
    outcome: z.enum(DISBURSEMENT_OUTCOMES),
    shown: disbursementFactsSchema,
    /** The facts the signer corrected, each with the value shown, the value signed and why. */
    overrides: z.array(
      z.object({
        fact: z.enum(DISBURSEMENT_FACTS),
        shown: z.union([z.boolean(), z.string(), z.null()]),
        signed: z.union([z.boolean(), z.string(), z.null()]),
        reason: z.string().min(1).max(2000),
      }),
    ),
    /** Why it is held (at least one for HELD); none for CLEARED. */
    reasons: z.array(z.string().min(1).max(2000)),
    comment: z.string().max(2000).nullable(),
    /** The request's submission the opinion is on: 1, then 2 after one correction … */
    submission: z.number().int().positive(),
  }),
});

export const DisbursementResubmitted = defineEvent({
  type: 'DisbursementResubmitted',
  context: 'execution',
  description: '拨款申请已修改重新提交 — a held request was corrected and submitted again',
  schemaVersion: 1,
  schema: z.object({
    requestId: z.string().min(1),
    ...requestContent,
    submission: z.number().int().min(2),
  }),
});

export const disbursementEvents = [DisbursementRequested, DisbursementOpinionSigned, DisbursementResubmitted] as const;
