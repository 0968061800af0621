import { auditSubgraph } from '@jixiao/audit';
import { directorySubgraph } from '@jixiao/directory';
import type { EventStore } from '@jixiao/events';
import { planningSubgraph } from '@jixiao/planning';
import type { ServiceDeps, Subgraph } from '@jixiao/service-kit';

/** Every subgraph, by the name the supergraph routes to. */
export async function buildSubgraphs(deps: ServiceDeps): Promise<Record<string, Subgraph>> {
  return {
    directory: await directorySubgraph(deps),
    planning: await planningSubgraph(deps),
    audit: await auditSubgraph(deps.store),
  };
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
