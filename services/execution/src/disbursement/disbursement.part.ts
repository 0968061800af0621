import { disbursementRequestsProjection, disbursementStandingProjection } from '@jixiao/projections';
import type { ContextPart } from '@jixiao/service-kit';
import { disbursementGenerator } from './disbursement.generator';
import { disbursementPolicy } from './disbursement.policy';
import { DisbursementResolver } from './disbursement.resolver';

/** 拨款审核 — the disbursement review's read models, operations and generator steps. */
export const disbursementPart: ContextPart = {
  projections: [disbursementRequestsProjection, disbursementStandingProjection],
  policy: disbursementPolicy,
  resolvers: [DisbursementResolver],
  generator: disbursementGenerator,
};
