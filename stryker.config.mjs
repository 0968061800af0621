// @ts-check
/**
 * Mutation testing of the contexts' domain rules (`npm run test:mutation`, issue 19), one of two runs (the
 * other, stryker.events.config.mjs, mutates the event store's pure parts against the events package's own
 * tests). The files mutated are found by their names, so a new context's deciders, rules and scoring modules
 * are in the run without an edit here: `*.decider.ts`, `*.rules.ts`, `*.review.ts`, `*.gate.ts`,
 * `*.scoring.ts` in any service. Listed by name besides: the goal decider's parts (its commands are decided in
 * goal.draft.ts and goal.approved.ts, its state and status guard in goal.state.ts) and the resubmission
 * deadline's decider and days (goal.resubmission.ts). Resolvers, read models and reactions' I/O are not
 * mutated; nor are tests.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'services/*/src/**/*.{decider,rules,review,gate,scoring}.ts',
    'services/planning/src/goal/goal.{draft,approved,state,resubmission}.ts',
    '!**/*.spec.ts',
    '!**/*.resolver.ts',
    '!**/index.ts',
  ],
  ignorePatterns: ['**/dist/**', '**/.turbo/**', 'tests/screenshots/**', 'reports/**', '.stryker-tmp*/**'],
  mutator: { excludedMutations: ['StringLiteral'] },
  // Static mutants (in module-level constants, e.g. the built-in rule profiles' numbers) are left out: each
  // would re-run every related test in a fresh module registry (~1-3 min apiece on CI's 2 cores, 100+ of them).
  // Those constants are asserted by value in their own tests (rule-profile.unit.spec.ts: the DOMAIN.md defaults).
  ignoreStatic: true,
  // the per-file table is made from the incremental files (full reports, committed): no separate JSON report
  reporters: ['clear-text', 'progress'],
  concurrency: 2,
  // a mutant's tests get 60 s more than they took unmutated, not Stryker's 5: the first mutant on a fresh test
  // runner pays jest's start-up, which on a loaded machine outlasts 5 or 15 s; it then counted as a timeout
  // (a kill), and the runner was restarted for the next mutant to time out the same way
  timeoutMS: 60000,
  // the initial run of the related unit tests takes ~2 min on a loaded machine; Stryker's default allows 5
  dryRunTimeoutMinutes: 15,
  incremental: true,
  incrementalFile: 'reports/mutation/contexts-incremental.json',
  tempDirName: '.stryker-tmp',
};
