import { writeFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_PATH } from '@jixiao/schema';
import { subgraphDefinitions } from './subgraphs';

/** Writes schema/supergraph.graphql from the subgraphs' code. Run: `npm run compose`. */
async function main() {
  const supergraph = composeSupergraph(await subgraphDefinitions());
  writeFileSync(SUPERGRAPH_PATH, supergraph);
  console.log(`supergraph written to ${SUPERGRAPH_PATH}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
