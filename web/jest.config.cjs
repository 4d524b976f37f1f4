const path = require('node:path');
const { jestPreset } = require('../config/jest.preset.cjs');

module.exports = {
  ...jestPreset({ jsx: true }),
  testEnvironment: path.join(__dirname, '..', 'config', 'jest', 'jsdom-with-fetch.cjs'),
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup-tests.ts'],
  // A cold first render (transform + lazy chunk) on a busy 2-core machine takes seconds.
  testTimeout: 45000,
  moduleNameMapper: {
    ...jestPreset({ jsx: true }).moduleNameMapper,
    '\\.css$': path.join(__dirname, '..', 'config', 'jest', 'style-stub.cjs'),
  },
};
