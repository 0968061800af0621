/**
 * 预算执行 — execution: disbursement review with the performance opinion, and dual monitoring
 * (双监控) with computed warnings. Issue 15; so far the monitoring rules (warnings computed from a
 * report, a report's problems). Not yet a context module: no events, subgraph or read models.
 */
export * from './monitoring/monitoring.rules';
