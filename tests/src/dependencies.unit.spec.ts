import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
const workspaces: string[] = read('package.json').workspaces;

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
    expect(declaring).toEqual([]);
    expect(Object.keys(read('package-lock.json').packages)).not.toContain('node_modules/class-validator');
  });
});
