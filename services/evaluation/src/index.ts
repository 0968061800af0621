import 'reflect-metadata';

/**
 * 绩效评价 — evaluation: self-evaluations scored by formula, department evaluations, and key
 * evaluations by third-party agencies. The context module is `evaluationContext` (context.ts), put
 * together from its two parts (self-evaluation/, key-evaluation/).
 */
export { evaluationContext } from './context';
export * from './scoring';
