import { join } from 'node:path';

/** The admin the e2e server creates on first start (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const e2eAdmin = {
  email: 'e2e-admin@rework-radar.test',
  password: 'e2e admin password 2026',
};

/**
 * Where `sign-in.setup.ts` keeps the signed-in browser state the other tests start from: in the
 * run's own data directory, so runs side by side never read each other's session (Playwright
 * empties `test-results/` when a run starts).
 */
export function signedInStatePath(): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (dataDir === undefined)
    throw new Error('E2E_DATA_DIR is unset: run through playwright.config.ts');
  return join(dataDir, 'signed-in-admin.json');
}
