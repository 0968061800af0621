import { readFileSync } from 'node:fs';
import path from 'node:path';

export { composeSupergraph, type SubgraphDefinition } from './compose';

/**
 * Absolute path of the committed `schema/supergraph.graphql`. Resolved from the package
 * root, so it is the same whether this module runs from `src` (jest) or `dist`.
 */
export const SUPERGRAPH_PATH = path.resolve(__dirname, '..', 'supergraph.graphql');

/** Reads the committed supergraph SDL. */
export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}
