import type { ContextPart } from '@jixiao/service-kit';
import { figuresPolicy } from './figures.policy';
import { EvaluationFiguresResolver } from './figures.resolver';

/** 评价统计 — figures over the self-evaluations' and key evaluations' read models (no read model of its own). */
export const figuresPart: ContextPart = {
  projections: [],
  policy: figuresPolicy,
  resolvers: [EvaluationFiguresResolver],
};
