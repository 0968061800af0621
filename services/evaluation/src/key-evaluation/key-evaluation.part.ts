import type { ContextPart } from '@jixiao/service-kit';

/** 财政重点评价 — agencies, the year's plan, fieldwork evidence, scoring, reports and feedback. */
export const keyEvaluationPart: ContextPart = {
  projections: [],
  policy: {},
  resolvers: [],
};
