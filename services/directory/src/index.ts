import 'reflect-metadata';
import { buildFederatedSubgraph, type ServiceDeps, type Subgraph } from '@jixiao/service-kit';
import { directoryPolicy } from './policy';
import { AssignmentResolver } from './assignment/assignment.resolver';
import { UnitResolver, unitReference } from './unit/unit.resolver';

export * from './unit/unit.decider';
export { directoryPolicy } from './policy';
export { directoryContext } from './context';

/** The directory subgraph: budget units, who is assigned to what (later: officials, agencies, experts, users). */
export function directorySubgraph(deps: ServiceDeps): Promise<Subgraph> {
  return buildFederatedSubgraph({
    resolvers: [new UnitResolver(deps), new AssignmentResolver(deps)],
    references: unitReference(deps),
    policy: directoryPolicy,
  });
}
