const { jestPreset } = require('../config/jest.preset.cjs');

module.exports = {
  ...jestPreset(),
  testEnvironment: 'node',
  // One real PostgreSQL server for the whole run; each spec file gets its own database.
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/global-teardown.ts',
  testTimeout: 30000,
};
