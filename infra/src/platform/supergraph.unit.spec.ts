import { composeSupergraph, readSupergraph } from '@jixiao/schema';
import { subgraphDefinitions } from './subgraphs';

describe('the committed supergraph', () => {
  it('matches what the subgraphs produce (run `npm run compose` after changing a subgraph)', async () => {
    const fresh = composeSupergraph(await subgraphDefinitions());
    expect(readSupergraph()).toBe(fresh);
  });

  it('routes Goal.unit to the directory and the audited entities’ history to the audit subgraph', () => {
    const sdl = readSupergraph();
    expect(sdl).toMatch(
      /type BudgetUnit\s+@join__type\(graph: AUDIT, key: "id"\)\s+@join__type\(graph: DIRECTORY, key: "id"\)/,
    );
    for (const type of ['Goal', 'Project', 'BudgetUnit']) {
      const body = new RegExp(`type ${type}\\b[^{]*\\{([^}]*)\\}`).exec(sdl)?.[1] ?? '';
      expect(body).toMatch(/history: \[AuditEvent!\]! @join__field\(graph: AUDIT\)/);
    }
    expect(sdl).toMatch(/history: \[AuditEvent!\]! @join__field\(graph: AUDIT\)/);
  });
});
