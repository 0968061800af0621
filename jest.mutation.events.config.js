/**
 * The events package's unit tests alone, for StrykerJS's run over the event store's pure parts
 * (stryker.events.config.mjs).
 */
const unit = require('./jest.mutation.config.js');
module.exports = { ...unit, roots: ['<rootDir>/events'] };
