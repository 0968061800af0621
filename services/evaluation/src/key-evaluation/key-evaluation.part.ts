import { keyEvaluationsProjection } from '@jixiao/projections';
import type { ContextPart } from '@jixiao/service-kit';
import { KeyEvaluationExpertsResolver } from './key-evaluation.experts.resolver';
import { keyEvaluationGenerator } from './key-evaluation.generator';
import { keyEvaluationPolicy } from './key-evaluation.policy';
import { KeyEvaluationResolver } from './key-evaluation.resolver';

/** 财政重点评价 — the year's plan, assignment, fieldwork evidence, scoring, reports and feedback, results. */
export const keyEvaluationPart: ContextPart = {
  projections: [keyEvaluationsProjection],
  policy: keyEvaluationPolicy,
  resolvers: [KeyEvaluationResolver, KeyEvaluationExpertsResolver],
  generator: keyEvaluationGenerator,
};
