import { selfEvaluationNoticesProjection, selfEvaluationsProjection } from '@jixiao/projections';
import type { ContextPart } from '@jixiao/service-kit';
import { evaluationNoticeDeadline, noteDrawOnEvaluations } from './self-evaluation.deadline';
import { selfEvaluationPolicy } from './self-evaluation.policy';
import { SelfEvaluationResolver } from './self-evaluation.resolver';

/** 单位自评 — self-evaluations: notice and tasks, score sheet, department review, spot check. */
export const selfEvaluationPart: ContextPart = {
  projections: [selfEvaluationNoticesProjection, selfEvaluationsProjection],
  policy: selfEvaluationPolicy,
  resolvers: [SelfEvaluationResolver],
  deadlines: [evaluationNoticeDeadline],
  reactions: [noteDrawOnEvaluations],
};
