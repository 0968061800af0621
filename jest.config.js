/**
 * Four projects: `unit` (pure, no I/O), `embedded` (SQLite and in-process platform,
 * no server needed), `postgres` (needs PostgreSQL at 127.0.0.1:5432, and Redis at
 * 127.0.0.1:6379 for `*.redis.int.spec.ts`) and `faults` (needs PostgreSQL and Kafka at
 * 127.0.0.1:9092; restarts them, so `npm run test:faults` runs it serially and alone).
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
const packages = {
  events: 'events',
  projections: 'projections',
  infra: 'infra',
  schema: 'schema',
  directory: 'services/directory',
  planning: 'services/planning',
  audit: 'services/audit',
  gateway: 'services/gateway',
  generator: 'generator',
  'service-kit': 'services/kit',
  tests: 'tests',
};
const moduleNameMapper = Object.fromEntries(
  Object.entries(packages).map(([name, dir]) => [`^@jixiao/${name}$`, `<rootDir>/${dir}/src/index.ts`]),
);
const base = {
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  roots: [
    '<rootDir>/events',
    '<rootDir>/projections',
    '<rootDir>/infra',
    '<rootDir>/schema',
    '<rootDir>/services',
    '<rootDir>/tests',
    '<rootDir>/generator',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFiles: ['reflect-metadata'],
};
module.exports = {
  // per-project testTimeout is not honoured under `projects`; the slowest (PostgreSQL) sets it for all
  testTimeout: 120000,
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
  ],
};
