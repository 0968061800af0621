import type { ContextPart } from '@jixiao/service-kit';

/** 单位自评 — self-evaluations: notice and tasks, score sheet, department review, spot check. */
export const selfEvaluationPart: ContextPart = {
  projections: [],
  policy: {},
  resolvers: [],
};
