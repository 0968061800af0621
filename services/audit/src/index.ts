import 'reflect-metadata';
import type { EventStore } from '@jixiao/events';
import { buildFederatedSubgraph, type Subgraph } from '@jixiao/service-kit';
import { HistoryResolver } from './history/history.resolver';
import { JixiaoPluginAccessLog } from './history/record-read';
import { AuditedGoal } from './history/history.type';
import { auditPolicy } from './policy';

/**
 * The audit subgraph: event histories and hash-chain verification, read from the event store;
 * each request's reads are recorded as one `SensitiveDataRead` before it is answered.
 */
export function auditSubgraph(store: EventStore): Promise<Subgraph> {
  return buildFederatedSubgraph({
    resolvers: [new HistoryResolver(store)],
    orphanedTypes: [AuditedGoal],
    references: { Goal: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) } },
    plugins: [JixiaoPluginAccessLog(store)],
    policy: auditPolicy,
  });
}
export { JixiaoPluginAccessLog, noteRead, recordReads } from './history/record-read';
export { auditPolicy } from './policy';
export { auditContext } from './context';
