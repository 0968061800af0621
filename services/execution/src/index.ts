import 'reflect-metadata';

/**
 * 预算执行 — execution: disbursement review with the performance opinion, and dual monitoring
 * (双监控) with computed warnings. The context module is `executionContext` (context.ts), put
 * together from its two parts (disbursement/, monitoring/).
 */
export * from './disbursement/disbursement.decider';
export * from './disbursement/disbursement.events';
export * from './disbursement/disbursement.rules';
export * from './monitoring/monitoring.rules';
export * from './monitoring/monitoring.decider';
export { executionContext } from './context';
