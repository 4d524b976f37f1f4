import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { e2eAdmin, signedInStatePath } from './e2e/e2e-admin';

/**
 * Browser tests drive Debian's Chromium (Playwright's own browser download cannot work here)
 * against the real, built app on the embedded database in a fresh data directory.
 */
const port = Number(process.env.E2E_PORT ?? 3199);
// Workers re-read this file: the environment keeps them on the data directory the server uses.
if (process.env.E2E_DATA_DIR === undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), 'rr-e2e-'));
  process.env.E2E_DATA_DIR = dataDir;
  // Each run leaves a database and a demo organisation (about 400 MB) behind otherwise. By exit the
  // web server has been stopped; a directory given in E2E_DATA_DIR is the caller's and stays.
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}

export default defineConfig({
  testDir: 'e2e',
  projects: [
    { name: 'sign-in', testMatch: 'sign-in.setup.ts' },
    {
      name: 'app',
      testMatch: '**/*.e2e.ts',
      dependencies: ['sign-in'],
      use: { storageState: signedInStatePath() },
    },
  ],
  outputDir: 'test-results',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node ${resolve(import.meta.dirname, '..', 'api', 'dist', 'main.js')}`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: process.env.E2E_DATA_DIR,
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: e2eAdmin.email,
      ADMIN_PASSWORD: e2eAdmin.password,
    },
  },
});
