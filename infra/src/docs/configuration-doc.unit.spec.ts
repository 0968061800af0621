import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTEXTS } from '@jixiao/contexts';
import { subgraphUrlVariable } from '../distributed/runtime';
import { REPO_ROOT } from './markdown-links';

const configurationDoc = () => readFileSync(path.join(REPO_ROOT, 'docs', 'configuration.md'), 'utf8');
/** The variables of the configuration table: the first cell of each row. */
const documented = (markdown: string) =>
  new Set([...markdown.matchAll(/^\| `([A-Z][A-Z0-9_<>]+)`/gm)].map(([, variable]) => variable!));

describe('docs/configuration.md', () => {
  it('has a row for every variable the configuration reads (infra/src/config/config.ts)', () => {
    const source = readFileSync(path.join(REPO_ROOT, 'infra', 'src', 'config', 'config.ts'), 'utf8');
    const read = [...source.matchAll(/^\s+(JIXIAO_[A-Z0-9_]+|NODE_ENV):/gm)].map(([, variable]) => variable!);
    expect(read.length).toBeGreaterThan(20);
    const rows = documented(configurationDoc());
    expect(read.filter((variable) => !rows.has(variable))).toEqual([]);
  });

  it('names the services’ URL variable the way the supervisor makes it, for every context with a subgraph', () => {
    const doc = configurationDoc();
    expect(documented(doc).has('JIXIAO_<CONTEXT>_URL')).toBe(true);
    const withSubgraph = CONTEXTS.filter((c) => c.subgraph);
    expect(withSubgraph.length).toBeGreaterThan(0);
    for (const context of withSubgraph) {
      expect(subgraphUrlVariable(context.name as Parameters<typeof subgraphUrlVariable>[0])).toBe(
        `JIXIAO_${context.name.toUpperCase()}_URL`,
      );
    }
  });
});
