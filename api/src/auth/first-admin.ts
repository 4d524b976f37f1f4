import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import type { AppConfig } from '../config/app-config';
import { countAccounts, createAccount, findAccountByEmail } from './accounts.store';
import { hashPassword } from './password';

export const generatedAdminEmail = 'admin@rework-radar.local';

export type FirstAdminOutcome =
  | { kind: 'exists' }
  | { kind: 'created-from-config'; email: string }
  | { kind: 'generated'; email: string; password: string };

/**
 * An installation always has a way in. ADMIN_EMAIL + ADMIN_PASSWORD create that admin when no
 * account has that e-mail yet (an existing account is left as it is); with neither set and no
 * account at all, an admin is generated and its password returned to be printed once.
 */
export async function ensureFirstAdmin(
  dataSource: DataSource,
  admin: AppConfig['admin'],
): Promise<FirstAdminOutcome> {
  return dataSource.transaction(async (manager) => {
    // Two processes starting together must not both create one.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('rework-radar:first-admin'))`);
    if (admin !== undefined) {
      if ((await findAccountByEmail(manager, admin.email)) !== null) return { kind: 'exists' };
      await createAdmin(manager, admin.email, admin.password, 'ADMIN_EMAIL');
      return { kind: 'created-from-config', email: admin.email };
    }
    if ((await countAccounts(manager)) > 0) return { kind: 'exists' };
    const password = randomBytes(15).toString('base64url');
    await createAdmin(manager, generatedAdminEmail, password, 'generated on first start');
    return { kind: 'generated', email: generatedAdminEmail, password };
  });
}

async function createAdmin(
  manager: EntityManager,
  email: string,
  password: string,
  from: string,
): Promise<void> {
  await createAccount(manager, {
    email,
    displayName: 'Administrator',
    role: 'admin',
    teamSlugs: [],
    passwordHash: await hashPassword(password),
  });
  await recordAudit(manager, {
    actor: 'system',
    action: 'user.created',
    target: email,
    details: { role: 'admin', from },
  });
}
