import { disbursementRequestsProjection, disbursementStandingProjection } from '@jixiao/projections';
import type { ExecutionPart } from '../part';

/** 拨款审核 — the disbursement review's read models, operations and generator steps. */
export const disbursementPart: ExecutionPart = {
  projections: [disbursementRequestsProjection, disbursementStandingProjection],
  policy: {},
  resolvers: [],
};
