#!/usr/bin/env node
// `npm test`: formatting, lint, type-check, the Jest suites of every workspace (api's against a real
// PostgreSQL), and the browser suite in Chromium; then one closing line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const jestReports = ['shared', 'api', 'web'].map((workspace) =>
  join(root, workspace, 'reports', 'jest.json'),
);
const browserReport = join(root, 'web', 'reports', 'e2e.json');

for (const report of [...jestReports, browserReport]) rmSync(report, { force: true });

// Formatting is part of the contract: Prettier's check runs first and counts as a failed task.
const format = spawnSync('npx', ['prettier', '--check', '.', '--log-level', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});

// No high or critical advisory in production dependencies (see the script for mirrors).
const audit = spawnSync('node', [join(root, 'scripts', 'audit-dependencies.mjs')], {
  cwd: root,
  stdio: 'inherit',
});

const turbo = spawnSync(
  'npx',
  ['turbo', 'run', 'lint', 'typecheck', 'test', 'test:e2e', '--continue', '--output-logs=new-only'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

for (const report of jestReports) {
  if (!existsSync(report)) {
    problems.push(`no Jest report at ${report}`);
    failed += 1;
    continue;
  }
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
  skipped += result.numPendingTests + result.numTodoTests;
}

if (existsSync(browserReport)) {
  const { stats } = JSON.parse(readFileSync(browserReport, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
} else {
  problems.push('no browser test report (web/reports/e2e.json)');
  failed += 1;
}

if (audit.status !== 0) problems.push('the dependency audit found high or critical advisories');
if (turbo.status !== 0)
  problems.push(`a task failed (turbo exited ${turbo.status ?? turbo.signal})`);
for (const problem of problems) console.error(`test run: ${problem}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
const allGreen = format.status === 0 && audit.status === 0 && turbo.status === 0;
process.exit(allGreen && failed === 0 && passed > 0 ? 0 : 1);
