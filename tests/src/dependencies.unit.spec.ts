import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
/** The workspace folders as npm resolved them (the root lists `services/*`): the lockfile's linked packages. */
const workspaces: string[] = Object.values(
  read('package-lock.json').packages as Record<string, { link?: boolean; resolved?: string }>,
).flatMap((p) => (p.link && p.resolved ? [p.resolved] : []));

/**
 * Subgraphs are built with type-graphql's `validate: false` (the rules live in the deciders and
 * the catalog), so class-validator — only an optional peer of type-graphql — has no use here.
 */
describe('dependencies', () => {
  it('no workspace declares class-validator, and the lockfile does not install it', () => {
    const declaring = workspaces.filter((ws) => {
      const pkg = read(join(ws, 'package.json'));
      return 'class-validator' in { ...pkg.dependencies, ...pkg.devDependencies };
    });
    expect(workspaces).toEqual(expect.arrayContaining(['services/planning', 'contexts']));
    expect(declaring).toEqual([]);
    expect(Object.keys(read('package-lock.json').packages)).not.toContain('node_modules/class-validator');
  });
});
