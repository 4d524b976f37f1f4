const base = require('./jest.config.cjs');

/**
 * The reliability suite (`npm run test:reliability`): real worker processes killed with SIGKILL,
 * a PostgreSQL restart, hostile input, load. Slow, so not part of `npm test`; same globalSetup
 * PostgreSQL as the main suite. Runs the compiled build (the npm script builds first).
 */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/src/reliability/**/*.reliability.ts'],
  testTimeout: 900000,
  maxWorkers: 1,
};
