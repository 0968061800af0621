import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

/** One subgraph as it goes into composition: its name, routing URL and SDL. */
export interface SubgraphDefinition {
  /** Subgraph name; becomes the `join__Graph` value and the gateway's transport key. */
  name: string;
  /** Routing URL written into the supergraph (a placeholder is fine; the gateway can override it). */
  url: string;
  /** Federation 2 SDL of the subgraph. */
  typeDefs: string;
}

/**
 * Composes Federation 2 subgraphs into a supergraph SDL; throws one Error listing every
 * composition error.
 *
 * @example composeSupergraph([{ name: 'planning', url: 'http://planning.invalid/graphql', typeDefs }])
 */
export function composeSupergraph(subgraphs: SubgraphDefinition[]): string {
  const result = composeServices(
    subgraphs.map(({ name, url, typeDefs }) => ({ name, url, typeDefs: parseSubgraph(name, typeDefs) })),
  );
  if (result.errors) {
    const lines = result.errors.map((error) => {
      const code = error.extensions['code'];
      return `- ${typeof code === 'string' ? `[${code}] ` : ''}${error.message}`;
    });
    throw new Error(`Supergraph composition failed with ${result.errors.length} error(s):\n${lines.join('\n')}`);
  }
  return result.supergraphSdl;
}

function parseSubgraph(name: string, typeDefs: string) {
  try {
    return parse(typeDefs);
  } catch (error) {
    throw new Error(`Subgraph "${name}" SDL does not parse: ${(error as Error).message}`, { cause: error });
  }
}
