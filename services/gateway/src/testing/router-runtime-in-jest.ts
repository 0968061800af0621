import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { SourceTextModule } from 'node:vm';

type RouterRuntime = typeof import('@graphql-hive/router-runtime');

/**
 * `@graphql-hive/router-runtime` for tests under Jest's CommonJS sandbox.
 *
 * Its `unifiedGraphHandler` loads the Rust planner with `await import(...)`, which Node
 * refuses inside Jest's vm unless Node runs with `--experimental-vm-modules`; the gateway
 * then answers 500 and `/readiness` 503. Without that flag this loads the package's own
 * CommonJS build with that one `import()` replaced by `require()` (the planner also ships
 * CommonJS), through Jest's registry so graphql stays one instance. With the flag it
 * returns the package untouched. Plain Node (dist) needs none of this.
 *
 * @example jest.mock('@graphql-hive/router-runtime', () => jest.requireActual('./testing/router-runtime-in-jest').routerRuntimeInJest());
 */
export function routerRuntimeInJest(): RouterRuntime {
  if (typeof SourceTextModule === 'function') return jest.requireActual('@graphql-hive/router-runtime');
  const entry = require.resolve('@graphql-hive/router-runtime');
  const source = readFileSync(entry, 'utf8');
  const dynamicImport = 'await import(moduleName)';
  if (!source.includes(dynamicImport)) {
    throw new Error(
      `${entry} no longer contains "${dynamicImport}"; update this shim or run Jest with --experimental-vm-modules`,
    );
  }
  const module = { exports: {} as RouterRuntime };
  const factory = new Function(
    'require',
    'module',
    'exports',
    '__filename',
    '__dirname',
    `${source.replace(dynamicImport, 'require(moduleName)')}\n//# sourceURL=${entry}`,
  );
  factory(createRequire(entry), module, module.exports, entry, path.dirname(entry));
  return module.exports;
}
