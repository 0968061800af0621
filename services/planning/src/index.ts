import 'reflect-metadata';
import { buildFederatedSubgraph, type ServiceDeps, type Subgraph } from '@jixiao/service-kit';
import { BudgetUnitRef } from './unit-ref/budget-unit.ref';
import { goalReference } from './goal/goal.reference';
import { GoalResolver } from './goal/goal.resolver';

export * from './goal/goal.decider';
export type * from './goal/goal.events';

/** The planning subgraph: goals and indicators. */
export function planningSubgraph(deps: ServiceDeps): Promise<Subgraph> {
  return buildFederatedSubgraph({
    resolvers: [new GoalResolver(deps)],
    orphanedTypes: [BudgetUnitRef],
    references: goalReference(deps),
  });
}
