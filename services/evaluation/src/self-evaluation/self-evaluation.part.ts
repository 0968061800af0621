import { selfEvaluationNoticesProjection, selfEvaluationsProjection } from '@jixiao/projections';
import type { ContextPart } from '@jixiao/service-kit';
import { evaluationNoticeDeadline, noteDrawOnEvaluations } from './self-evaluation.deadline';
import { selfEvaluationGenerator } from './self-evaluation.generator';
import { selfEvaluationPolicy } from './self-evaluation.policy';
import { SelfEvaluationResolver } from './self-evaluation.resolver';

/** 单位自评 — self-evaluations: notice and tasks, score sheet, department review, spot check, generator steps. */
export const selfEvaluationPart: ContextPart = {
  projections: [selfEvaluationNoticesProjection, selfEvaluationsProjection],
  policy: selfEvaluationPolicy,
  resolvers: [SelfEvaluationResolver],
  deadlines: [evaluationNoticeDeadline],
  reactions: [noteDrawOnEvaluations],
  generator: selfEvaluationGenerator,
};
