import type {
  DisbursementOpinionSigned as DisbursementOpinionSignedDef,
  DisbursementRequested as DisbursementRequestedDef,
  DisbursementResubmitted as DisbursementResubmittedDef,
  EventOf,
} from '@jixiao/events';

/** 拨款申请已提交. */
export type DisbursementRequested = EventOf<typeof DisbursementRequestedDef>;
/** 拨款审核意见已签署. */
export type DisbursementOpinionSigned = EventOf<typeof DisbursementOpinionSignedDef>;
/** 拨款申请已修改重新提交. */
export type DisbursementResubmitted = EventOf<typeof DisbursementResubmittedDef>;

/** Every event of a `disbursement-<requestId>` stream. */
export type DisbursementEvent = DisbursementRequested | DisbursementOpinionSigned | DisbursementResubmitted;
