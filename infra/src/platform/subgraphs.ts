import { CONTEXTS, catalogOf } from '@jixiao/contexts';
import type { EventStore } from '@jixiao/events';
import { subgraphsOf, type ContextModule, type ServiceDeps, type Subgraph } from '@jixiao/service-kit';

/** A subgraph's name: the name of the context that serves it (`directory`, `planning`, …). */
export type SubgraphName = string;

/** The names of the contexts that serve a subgraph, in the list's order. */
export function subgraphNamesOf(contexts: readonly ContextModule[] = CONTEXTS): SubgraphName[] {
  return subgraphsOf(contexts).map(([name]) => name);
}

/** The platform's subgraphs, by the name the supergraph routes to. */
export const SUBGRAPH_NAMES: readonly SubgraphName[] = subgraphNamesOf();

/** One context's subgraph; refuses a name no context serves. */
export function buildSubgraph(
  name: SubgraphName,
  deps: ServiceDeps,
  contexts: readonly ContextModule[] = CONTEXTS,
): Promise<Subgraph> {
  const build = subgraphsOf(contexts).find(([n]) => n === name)?.[1];
  if (!build) throw new Error(`no context serves a subgraph named ${name}`);
  return build(deps);
}

/** Every subgraph, by the name the supergraph routes to. */
export async function buildSubgraphs(
  deps: ServiceDeps,
  contexts: readonly ContextModule[] = CONTEXTS,
): Promise<Record<SubgraphName, Subgraph>> {
  const built: Record<SubgraphName, Subgraph> = {};
  for (const [name, build] of subgraphsOf(contexts)) built[name] = await build(deps);
  return built;
}

/** The placeholder routing URL committed in the supergraph; the runtime replaces it. */
export const placeholderUrl = (name: string) => `http://${name}.invalid/graphql`;

/** Subgraph SDLs as composition reads them, built without any database. */
export async function subgraphDefinitions(
  contexts: readonly ContextModule[] = CONTEXTS,
): Promise<{ name: string; url: string; typeDefs: string }[]> {
  const unused = () => {
    throw new Error('not available while composing');
  };
  const deps = {
    store: {} as EventStore,
    catalog: catalogOf(contexts),
    contexts,
    em: unused,
    waitForProjections: unused,
  } as ServiceDeps;
  const subgraphs = await buildSubgraphs(deps, contexts);
  return Object.entries(subgraphs).map(([name, s]) => ({ name, url: placeholderUrl(name), typeDefs: s.sdl }));
}
