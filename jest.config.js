/**
 * Six projects: `unit` (pure, no I/O), `embedded` (SQLite and in-process platform,
 * no server needed), `postgres` (needs PostgreSQL at 127.0.0.1:5432, and Redis at
 * 127.0.0.1:6379 for `*.redis.int.spec.ts`), `faults` (needs PostgreSQL and Kafka at
 * 127.0.0.1:9092; restarts them, so `npm run test:faults` runs it serially and alone) and `oidc`
 * (needs the Keycloak of `npm run keycloak:start` at 127.0.0.1:8180); `browser` (the built console in
 * Debian's chromium, `infra/browser/install.sh`; `npm run test:browser` runs it serially).
 * Tests run from TypeScript sources through swc with decorator metadata.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
// every workspace's `@jixiao/<name>` maps to its TypeScript sources: a new context's packages need no edit here
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const workspaces = require('./package.json').workspaces.flatMap((pattern) =>
  pattern.endsWith('/*')
    ? readdirSync(`${__dirname}/${pattern.slice(0, -2)}`)
        .map((dir) => `${pattern.slice(0, -2)}/${dir}`)
        .filter((dir) => existsSync(`${__dirname}/${dir}/package.json`))
    : [pattern],
);
const moduleNameMapper = Object.fromEntries(
  workspaces.map((dir) => {
    const { name } = JSON.parse(readFileSync(`${__dirname}/${dir}/package.json`, 'utf8'));
    return [`^${name.replace('/', '\\/')}$`, `<rootDir>/${dir}/src/index.ts`];
  }),
);
const base = {
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  roots: workspaces.map((dir) => `<rootDir>/${dir}`),
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFiles: ['reflect-metadata'],
};
module.exports = {
  // per-project testTimeout is not honoured under `projects`; the slowest (PostgreSQL) sets it for all
  testTimeout: 120000,
  // On a 2-core machine Jest would otherwise run every file in its own process, one after another,
  // and whatever a file leaves behind adds up: CI's Node 24 run died at V8's 4 GB heap limit after
  // 668 s. With a limit, the files run in one worker process that is replaced once it holds more
  // than this after a file (`--runInBand` suites are unaffected).
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['**/*.unit.spec.ts'] },
    {
      ...base,
      displayName: 'embedded',
      testMatch: ['**/*.sqlite.int.spec.ts', '**/*.e2e.spec.ts'],
      testTimeout: 60000,
    },
    {
      ...base,
      displayName: 'postgres',
      testMatch: ['**/*.pg.int.spec.ts', '**/*.redis.int.spec.ts'],
      testTimeout: 120000,
    },
    {
      ...base,
      displayName: 'faults',
      testMatch: ['**/*.kafka.int.spec.ts', '**/*.faults.spec.ts'],
    },
    // the console's sign-in at Keycloak is a browser test too, run where Keycloak is
    {
      ...base,
      displayName: 'oidc',
      testMatch: ['**/*.oidc.int.spec.ts', '**/*.oidc.browser.spec.ts'],
      globalTeardown: '<rootDir>/tests/src/browser/list-screenshots.ts',
    },
    {
      ...base,
      displayName: 'browser',
      testMatch: ['**/*.browser.spec.ts'],
      testPathIgnorePatterns: [...base.testPathIgnorePatterns, '\\.oidc\\.browser\\.spec\\.ts$'],
      globalTeardown: '<rootDir>/tests/src/browser/list-screenshots.ts',
    },
  ],
};
