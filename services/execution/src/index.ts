/**
 * 预算执行 — execution: disbursement review with the performance opinion, and dual monitoring
 * (双监控) with computed warnings. Issue 15, in progress: the disbursement decider, the opinion
 * form's facts and the monitoring rules. Not yet a context module: no subgraph, read models,
 * policy rows or generator steps, and its events are not in the platform's catalog.
 */
export * from './disbursement/disbursement.decider';
export * from './disbursement/disbursement.events';
export * from './disbursement/disbursement.rules';
export * from './monitoring/monitoring.rules';
