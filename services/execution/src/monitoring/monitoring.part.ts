import type { ExecutionPart } from '../part';

/** 绩效监控 — monitoring rounds, reports, warnings and corrections: read models, operations, the due-date deadline, generator steps. */
export const monitoringPart: ExecutionPart = {
  projections: [],
  policy: {},
  resolvers: [],
};
