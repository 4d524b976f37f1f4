import { join } from 'node:path';

/** The admin the e2e server creates on first start (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const e2eAdmin = {
  email: 'e2e-admin@rework-radar.test',
  password: 'e2e admin password 2026',
};

/** Where `sign-in.setup.ts` keeps the signed-in browser state the other tests start from. */
export const signedInState = join(import.meta.dirname, '..', 'test-results', '.auth', 'admin.json');
