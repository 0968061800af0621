import type { GeneratorSteps } from '@jixiao/generator';
import type { Projection } from '@jixiao/projections';
import type { PolicyRows } from './auth/policy';
import type { ServiceDeps } from './commands';
import type { AuditedEntity, ContextModule } from './context-module';
import { buildFederatedSubgraph } from './federation/build-subgraph';
import type { DeadlineKind } from './reactions/deadlines';
import type { Reaction } from './reactions/reaction';

/**
 * One part of a context built from several (execution: disbursement and monitoring; evaluation:
 * self-evaluation and key evaluation), each in its own folder with its own read models, policy
 * rows, resolvers, deadlines, reactions and generator steps; `contextFromParts` puts them together.
 */
export interface ContextPart {
  projections: readonly Projection[];
  policy: PolicyRows;
  /** Resolver classes, each constructed with the service's dependencies. */
  resolvers: readonly (new (deps: ServiceDeps) => object)[];
  audited?: readonly AuditedEntity[];
  deadlines?: readonly DeadlineKind[];
  reactions?: readonly Reaction[];
  /** Its steps of the generated city year, run after the earlier parts' (made afresh for each year). */
  generator?: () => GeneratorSteps;
}

/** What a context built from parts says of itself; the rest is its parts'. */
export type ContextHead = Pick<ContextModule, 'name' | 'title' | 'events' | 'streamCategories'>;

/**
 * The context module of `head` made of `parts`: their read models, policy rows, audited entities,
 * deadlines and reactions together, one subgraph of all their resolvers (none if they have none),
 * and the year's generator steps of each part in the parts' order.
 */
export function contextFromParts(head: ContextHead, parts: readonly ContextPart[]): ContextModule {
  const policy: PolicyRows = Object.assign({}, ...parts.map((p) => p.policy));
  const resolvers = parts.flatMap((p) => p.resolvers);
  const generators = parts.flatMap((p) => (p.generator ? [p.generator] : []));
  return {
    ...head,
    projections: parts.flatMap((p) => p.projections),
    subgraph:
      resolvers.length === 0
        ? undefined
        : (deps) => buildFederatedSubgraph({ resolvers: resolvers.map((R) => new R(deps)), policy }),
    policy,
    audited: parts.flatMap((p) => p.audited ?? []),
    deadlines: parts.flatMap((p) => p.deadlines ?? []),
    reactions: parts.flatMap((p) => p.reactions ?? []),
    generator:
      generators.length === 0
        ? undefined
        : () => {
            const steps = generators.map((make) => make());
            return {
              setup: (year) => steps.forEach((s) => s.setup?.(year)),
              project: (year, n) => steps.forEach((s) => s.project?.(year, n)),
              finish: (year) => steps.forEach((s) => s.finish?.(year)),
            };
          },
  };
}
