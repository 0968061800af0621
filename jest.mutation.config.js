/**
 * The `unit` project alone, for StrykerJS (`npm run test:mutation`): pure tests, no I/O. The generator's
 * whole-demo-year tests are left out — each mutant would cost ~10 s through them, and a rule must be
 * caught by its own test, not by the demo year crashing.
 */
const { projects } = require('./jest.config.js');
const unit = projects.find((project) => project.displayName === 'unit');
module.exports = {
  ...unit,
  rootDir: __dirname,
  testPathIgnorePatterns: [...unit.testPathIgnorePatterns, '/tests/src/generator(-coverage)?\\.unit\\.spec\\.ts$'],
};
