import type { OperationPolicy, PolicyRows } from '@jixiao/service-kit';

/** The section's working reads (its queue, a request's pre-filled form): the finance bureau and auditors, not units. */
const FINANCE_READ: OperationPolicy = { PERFORMANCE_SECTION: 'ALL', BUDGET_SECTION: 'ALL', AUDITOR: 'ALL' };

/** Whoever reads requests: the finance bureau's performance and budget sections and auditors all; a unit its own. */
const DISBURSEMENT_READ: OperationPolicy = {
  PERFORMANCE_SECTION: 'ALL',
  BUDGET_SECTION: 'ALL',
  AUDITOR: 'ALL',
  BUDGET_UNIT: 'OWN_UNIT',
};

/**
 * 权限表 of the disbursement review: a budget unit submits and corrects requests for its own unit and
 * reads its own; the performance section signs the opinion and reads all; the budget section and
 * auditors read. ADMIN, as in planning, administers users and units, not the review: no rows here.
 */
export const disbursementPolicy: PolicyRows = {
  'Mutation.submitDisbursementRequest': { BUDGET_UNIT: 'OWN_UNIT' },
  'Mutation.resubmitDisbursementRequest': { BUDGET_UNIT: 'OWN_UNIT' },
  'Mutation.signDisbursementOpinion': { PERFORMANCE_SECTION: 'ALL' },
  'Query.disbursementOpinionForm': FINANCE_READ,
  'Query.disbursementQueue': FINANCE_READ,
  'Query.disbursementRequest': DISBURSEMENT_READ,
  'Query.disbursementRequests': DISBURSEMENT_READ,
  'Query.disbursementFigures': DISBURSEMENT_READ,
};
