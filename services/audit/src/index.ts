import 'reflect-metadata';
import type { EventStore } from '@jixiao/events';
import type { Sealer } from '@jixiao/service-kit';
import { auditedOf, buildFederatedSubgraph, type ContextModule, type Subgraph } from '@jixiao/service-kit';
import { historyField } from './history/history-fields';
import { HistoryResolver } from './history/history.resolver';
import { JixiaoPluginAccessLog } from './history/record-read';
import { TreeHeadResolver } from './seal/tree-head.resolver';
import { auditPolicy } from './policy';

/**
 * The audit subgraph: event histories and hash-chain verification, read from the event store;
 * `history` on every entity a context declares audited (`Goal.history`, `Project.history`, …), under
 * that context's policy row; each request's reads are recorded as one `SensitiveDataRead` before
 * it is answered; the log's signed Merkle tree heads and their inclusion and consistency proofs.
 */
export function auditSubgraph(
  store: EventStore,
  contexts: readonly ContextModule[],
  sealer?: Sealer,
): Promise<Subgraph> {
  const audited = auditedOf(contexts);
  const fields = audited.map(({ entity }) => historyField(store, entity));
  return buildFederatedSubgraph({
    resolvers: [new HistoryResolver(store), new TreeHeadResolver(sealer), ...fields.map((f) => f.resolver)],
    orphanedTypes: fields.map((f) => f.type),
    references: Object.fromEntries(
      audited.map(({ entity }) => [entity.type, { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) }]),
    ),
    plugins: [JixiaoPluginAccessLog(store)],
    policy: Object.assign({}, auditPolicy, ...audited.map((a) => a.policy)),
  });
}
export { JixiaoPluginAccessLog, noteRead, recordReads } from './history/record-read';
export { auditPolicy } from './policy';
export { auditContext } from './context';
