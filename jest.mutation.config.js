/**
 * The `unit` project for StrykerJS's run over the contexts' rules (`npm run test:mutation`,
 * stryker.config.mjs): the services' own unit tests. Left out: the generator's whole-demo-year tests
 * (each mutant would cost ~10 s through them, and a rule must be caught by its own test, not by the demo
 * year crashing) and the platform's tests under infra/ that import every context through
 * @jixiao/contexts (policy, runtime, docs) — jest loads each related test file for every mutant, and
 * those load the whole platform (measured: 13 mutants a minute with them on 2 cores).
 */
const { projects } = require('./jest.config.js');
const unit = projects.find((project) => project.displayName === 'unit');
module.exports = {
  ...unit,
  rootDir: __dirname,
  roots: ['<rootDir>/services'],
};
