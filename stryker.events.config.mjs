// @ts-check
import contexts from './stryker.config.mjs';

/**
 * Mutation testing of the event store's pure parts (`npm run test:mutation`, issue 19): hashing, chain
 * verification, money, and the rule profiles' rules under events/src/rules — against the events package's
 * own unit tests. Every test of the platform imports these modules, so against all of them each mutant
 * cost ~15 s of jest loading test files (measured: 10 mutants a minute on 2 cores); a rule of the events
 * package must be caught by the events package's tests.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  ...contexts,
  jest: { ...contexts.jest, configFile: 'jest.mutation.events.config.js' },
  mutate: [
    'events/src/rules/**/*.ts',
    'events/src/{hash,verify,money}.ts',
    'events/src/audit/{merkle,tree-head,proof-check}.ts',
    '!**/*.spec.ts',
    '!**/index.ts',
  ],
  incrementalFile: 'reports/mutation/events-incremental.json',
  tempDirName: '.stryker-tmp-events',
};
