import type { GeneratorSteps } from '@jixiao/generator';
import type { Projection } from '@jixiao/projections';
import type { AuditedEntity, DeadlineKind, PolicyRows, Reaction, ServiceDeps } from '@jixiao/service-kit';

/**
 * One half of the execution context — disbursement review or monitoring — as `context.ts` puts the
 * two together into the context module: each half keeps its own read models, policy rows, resolvers,
 * deadlines, reactions and generator steps in its own folder.
 */
export interface ExecutionPart {
  projections: readonly Projection[];
  policy: PolicyRows;
  /** Resolver classes, each constructed with the service's dependencies. */
  resolvers: readonly (new (deps: ServiceDeps) => object)[];
  audited?: readonly AuditedEntity[];
  deadlines?: readonly DeadlineKind[];
  reactions?: readonly Reaction[];
  /** Its steps of the generated city year, run after planning's (made afresh for each year). */
  generator?: () => GeneratorSteps;
}
