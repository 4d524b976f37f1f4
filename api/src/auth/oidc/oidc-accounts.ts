import type { EntityManager } from 'typeorm';
import { recordAudit } from '../../audit/record-audit';
import type { OidcSettings } from '../../config/app-config';
import { createAccount, findAccountByEmail } from '../accounts.store';
import { UserAccount } from '../auth.entities';
import type { OidcIdentity } from './oidc-sign-in';

export class OidcAccountRefused extends Error {}

/**
 * The account an OpenID Connect identity signs in as: the one already linked to it; else the
 * account with its verified e-mail (which gets linked); else, when OIDC_DEFAULT_ROLE is set, a new
 * account with that role. Otherwise nobody: an admin creates the account first.
 */
export async function accountForOidcIdentity(
  manager: EntityManager,
  identity: OidcIdentity,
  settings: OidcSettings,
): Promise<UserAccount> {
  const linked = await manager.findOneBy(UserAccount, { oidcSubject: identity.subject });
  if (linked !== null) return refuseDisabled(linked);
  if (identity.email === undefined || !identity.emailVerified) {
    throw new OidcAccountRefused('the identity provider gave no verified e-mail for this person');
  }
  const byEmail = await findAccountByEmail(manager, identity.email);
  if (byEmail !== null) {
    if (byEmail.oidcSubject !== null) {
      throw new OidcAccountRefused(
        `${identity.email} is linked to another single sign-on identity`,
      );
    }
    byEmail.oidcSubject = identity.subject;
    await manager.save(byEmail);
    return refuseDisabled(byEmail);
  }
  if (settings.defaultRole === undefined) {
    throw new OidcAccountRefused(
      `there is no account for ${identity.email}: ask an admin to add you`,
    );
  }
  const created = await createAccount(manager, {
    email: identity.email,
    displayName: identity.name ?? identity.email,
    role: settings.defaultRole,
    teamSlugs: [],
    passwordHash: null,
    oidcSubject: identity.subject,
  });
  await recordAudit(manager, {
    actor: 'system',
    action: 'user.created',
    target: created.email,
    details: { role: created.role, from: 'first single sign-on (OIDC_DEFAULT_ROLE)' },
  });
  return created;
}

function refuseDisabled(account: UserAccount): UserAccount {
  if (account.disabledAt !== null) throw new OidcAccountRefused('this account is disabled');
  return account;
}
