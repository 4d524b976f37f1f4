const path = require('node:path');
const { jestPreset } = require('../config/jest.preset.cjs');

module.exports = {
  ...jestPreset({ jsx: true }),
  testEnvironment: path.join(__dirname, '..', 'config', 'jest', 'jsdom-with-fetch.cjs'),
  setupFilesAfterEnv: ['@testing-library/jest-dom'],
  moduleNameMapper: {
    ...jestPreset({ jsx: true }).moduleNameMapper,
    '\\.css$': path.join(__dirname, '..', 'config', 'jest', 'style-stub.cjs'),
  },
};
