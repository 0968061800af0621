import { auditSubgraph } from '@jixiao/audit';
import { directorySubgraph } from '@jixiao/directory';
import type { EventStore } from '@jixiao/events';
import { planningSubgraph } from '@jixiao/planning';
import type { ServiceDeps, Subgraph } from '@jixiao/service-kit';

/** How each subgraph is built, by the name the supergraph routes to. */
export const SUBGRAPHS = {
  directory: (deps: ServiceDeps) => directorySubgraph(deps),
  planning: (deps: ServiceDeps) => planningSubgraph(deps),
  audit: (deps: ServiceDeps) => auditSubgraph(deps.store),
} satisfies Record<string, (deps: ServiceDeps) => Promise<Subgraph>>;

export type SubgraphName = keyof typeof SUBGRAPHS;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPHS) as SubgraphName[];

/** Every subgraph, by the name the supergraph routes to. */
export async function buildSubgraphs(deps: ServiceDeps): Promise<Record<SubgraphName, Subgraph>> {
  const built = {} as Record<SubgraphName, Subgraph>;
  for (const name of SUBGRAPH_NAMES) built[name] = await SUBGRAPHS[name](deps);
  return built;
}

/** The placeholder routing URL committed in the supergraph; the runtime replaces it. */
export const placeholderUrl = (name: string) => `http://${name}.invalid/graphql`;

/** Subgraph SDLs as composition reads them, built without any database. */
export async function subgraphDefinitions(): Promise<{ name: string; url: string; typeDefs: string }[]> {
  const unused = () => {
    throw new Error('not available while composing');
  };
  const deps = { store: {} as EventStore, em: unused, waitForProjections: unused } as ServiceDeps;
  const subgraphs = await buildSubgraphs(deps);
  return Object.entries(subgraphs).map(([name, s]) => ({ name, url: placeholderUrl(name), typeDefs: s.sdl }));
}
