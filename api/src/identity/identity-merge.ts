import type { EntityManager } from 'typeorm';
import type { IdentitySystem } from './identity.entity';
import { planIdentityMerge, type IdentityHandles, type MergeIdentity } from './identity-merge.plan';

export interface IdentityMergeReport {
  persons: number;
  matchedByEmail: number;
  matchedByMapping: number;
  unmatchedIdentities: number;
}

/**
 * Links every identity (GitHub, Jira) to a person: by email, then by the accounts each configured
 * team member names. Writes only person rows and links that change.
 */
export async function mergeIdentities(
  manager: EntityManager,
  members: readonly IdentityHandles[] = [],
): Promise<IdentityMergeReport> {
  const rows: {
    id: string;
    system: IdentitySystem;
    external_id: string;
    display_name: string | null;
    email: string | null;
    is_bot: boolean;
    person_id: string | null;
  }[] = await manager.query(
    `SELECT id, system, external_id, display_name, email, is_bot, person_id FROM identity ORDER BY id`,
  );
  const identities: MergeIdentity[] = rows.map((row) => ({
    id: row.id,
    system: row.system,
    externalId: row.external_id,
    displayName: row.display_name,
    email: row.email,
    isBot: row.is_bot,
    personId: row.person_id,
  }));
  const plan = planIdentityMerge(identities, members);
  for (let start = 0; start < plan.length; start += 1000) {
    const chunk = plan.slice(start, start + 1000);
    const params: unknown[] = [];
    const tuples = chunk.map(
      (person) =>
        `(${[person.id, person.displayName, person.email, person.isBot].map((value) => `$${params.push(value)}`).join(', ')})`,
    );
    await manager.query(
      `INSERT INTO person (id, display_name, email, is_bot) VALUES ${tuples.join(', ')}
       ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, email = EXCLUDED.email, is_bot = EXCLUDED.is_bot
       WHERE (person.display_name, person.email, person.is_bot) IS DISTINCT FROM (EXCLUDED.display_name, EXCLUDED.email, EXCLUDED.is_bot)`,
      params,
    );
  }
  const links = plan.flatMap((person) =>
    person.identityIds.map((identityId) => [identityId, person.id] as const),
  );
  if (links.length > 0) {
    await manager.query(
      `UPDATE identity SET person_id = link.person_id
       FROM unnest($1::text[], $2::text[]) AS link(identity_id, person_id)
       WHERE identity.id = link.identity_id AND identity.person_id IS DISTINCT FROM link.person_id`,
      [links.map(([identityId]) => identityId), links.map(([, personId]) => personId)],
    );
  }
  const unmatched = await listUnmatchedIdentities(manager);
  return {
    persons: plan.length,
    matchedByEmail: plan.filter((person) => person.matchedBy === 'email').length,
    matchedByMapping: plan.filter((person) => person.matchedBy === 'mapping').length,
    unmatchedIdentities: unmatched.length,
  };
}

export interface UnmatchedIdentity {
  id: string;
  system: IdentitySystem;
  externalId: string;
  displayName: string | null;
  email: string | null;
}

/** Identities whose person has no identity in the other system (for the admin's mapping screen). Bots are left out. */
export async function listUnmatchedIdentities(
  manager: EntityManager,
): Promise<UnmatchedIdentity[]> {
  const rows: {
    id: string;
    system: IdentitySystem;
    external_id: string;
    display_name: string | null;
    email: string | null;
  }[] = await manager.query(
    `SELECT i.id, i.system, i.external_id, i.display_name, i.email FROM identity i
     WHERE NOT i.is_bot
       AND (i.person_id IS NULL OR NOT EXISTS (SELECT 1 FROM identity o WHERE o.person_id = i.person_id AND o.system <> i.system))
     ORDER BY i.system, i.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    system: row.system,
    externalId: row.external_id,
    displayName: row.display_name,
    email: row.email,
  }));
}
