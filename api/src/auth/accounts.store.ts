import { randomUUID } from 'node:crypto';
import { roleSchema, type Role, type UserSummary } from '@rework-radar/shared';
import type { EntityManager } from 'typeorm';
import { ApiToken, AuthSession, UserAccount } from './auth.entities';
import { hashCredential, newCredential } from './credentials';
import type { Principal } from './principal';

export interface NewAccount {
  email: string;
  displayName: string;
  role: Role;
  teamSlugs: string[];
  passwordHash: string | null;
  oidcSubject?: string | null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createAccount(
  manager: EntityManager,
  account: NewAccount,
): Promise<UserAccount> {
  const row = manager.create(UserAccount, {
    id: randomUUID(),
    email: normaliseEmail(account.email),
    displayName: account.displayName,
    role: account.role,
    teamSlugs: account.role === 'manager' ? account.teamSlugs : [],
    passwordHash: account.passwordHash,
    oidcSubject: account.oidcSubject ?? null,
    createdAt: new Date(),
    disabledAt: null,
  });
  return manager.save(row);
}

export function findAccountByEmail(
  manager: EntityManager,
  email: string,
): Promise<UserAccount | null> {
  return manager.findOneBy(UserAccount, { email: normaliseEmail(email) });
}

export function countAccounts(manager: EntityManager): Promise<number> {
  return manager.count(UserAccount);
}

export function toPrincipal(account: UserAccount, via: Principal['via']): Principal {
  return {
    userId: account.id,
    email: account.email,
    displayName: account.displayName,
    role: account.role,
    teamSlugs: account.teamSlugs,
    via,
  };
}

export function toUserSummary(account: UserAccount): UserSummary {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    role: account.role,
    teamSlugs: account.teamSlugs,
    signsInWith: [
      ...(account.passwordHash !== null ? (['password'] as const) : []),
      ...(account.oidcSubject !== null ? (['oidc'] as const) : []),
    ],
    createdAt: account.createdAt.toISOString(),
    disabledAt: account.disabledAt?.toISOString() ?? null,
  };
}

/** Starts a browser session; the returned value goes into the cookie and is never stored. */
export async function startSession(
  manager: EntityManager,
  userId: string,
  hours: number,
): Promise<{ cookieValue: string; expiresAt: Date }> {
  const credential = newCredential('rrs');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await manager.insert(AuthSession, {
    tokenHash: credential.hash,
    userId,
    createdAt: now,
    expiresAt,
  });
  return { cookieValue: credential.value, expiresAt };
}

export async function endSession(manager: EntityManager, cookieValue: string): Promise<void> {
  await manager.delete(AuthSession, { tokenHash: hashCredential(cookieValue) });
}

/** Signs an account out everywhere: on a password or role change, or when it is disabled. */
export async function endSessionsOf(manager: EntityManager, userId: string): Promise<void> {
  await manager.delete(AuthSession, { userId });
}

/** Columns of a live account as the per-request lookups read them. */
interface PrincipalRow {
  id: string;
  email: string;
  display_name: string;
  role: string;
  team_slugs: string[];
}

// Every API request runs one of these lookups, so they are plain SQL: the query builder cost more than the query.
const principalColumns = 'a.id, a.email, a.display_name, a.role, a.team_slugs';

function principalFromRow(row: PrincipalRow | undefined, via: Principal['via']): Principal | null {
  const role = roleSchema.safeParse(row?.role);
  if (row === undefined || !role.success) return null;
  return {
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    role: role.data,
    teamSlugs: row.team_slugs,
    via,
  };
}

/** The live account behind a session cookie: unknown, expired or disabled answers null. */
export async function principalForSession(
  manager: EntityManager,
  cookieValue: string,
): Promise<Principal | null> {
  const rows = await manager.query<PrincipalRow[]>(
    `SELECT ${principalColumns} FROM user_account a JOIN auth_session s ON s.user_id = a.id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND a.disabled_at IS NULL`,
    [hashCredential(cookieValue)],
  );
  return principalFromRow(rows[0], 'session');
}

/** The live account behind an API token: unknown, revoked or disabled answers null. */
export async function principalForApiToken(
  manager: EntityManager,
  token: string,
): Promise<Principal | null> {
  const hash = hashCredential(token);
  const rows = await manager.query<Array<PrincipalRow & { stamp_due: boolean }>>(
    `SELECT ${principalColumns},
       (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stamp_due
     FROM user_account a JOIN api_token t ON t.user_id = a.id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND a.disabled_at IS NULL`,
    [hash],
  );
  const principal = principalFromRow(rows[0], 'token');
  // The last use is stamped at most once a minute, so automation polling hard does not write per request.
  if (principal !== null && rows[0]?.stamp_due === true) {
    await manager.update(ApiToken, { tokenHash: hash }, { lastUsedAt: new Date() });
  }
  return principal;
}

export async function createApiToken(
  manager: EntityManager,
  userId: string,
  name: string,
): Promise<{ row: ApiToken; token: string }> {
  const credential = newCredential('rrt');
  const row = manager.create(ApiToken, {
    id: randomUUID(),
    userId,
    name,
    tokenHash: credential.hash,
    prefix: credential.value.slice(0, 10),
    createdAt: new Date(),
    lastUsedAt: null,
    revokedAt: null,
  });
  await manager.insert(ApiToken, row);
  return { row, token: credential.value };
}
