import type { IdentitySystem } from './identity.entity';

/**
 * Pure plan of the identity merge: identities with the same email become one person, then each
 * configured team member joins the accounts it names (GitHub login, Jira account, email), which
 * email alone could not: GitHub rarely shows a user's email. Existing person ids are kept, so
 * merging again changes nothing and overrides stay put.
 */
export interface MergeIdentity {
  id: string;
  system: IdentitySystem;
  externalId: string;
  displayName: string | null;
  email: string | null;
  isBot: boolean;
  personId: string | null;
}

/** One person's accounts as a team member names them (any of the three). */
export interface IdentityHandles {
  github?: string | undefined;
  jiraAccountId?: string | undefined;
  email?: string | undefined;
}

export interface PlannedPerson {
  id: string;
  displayName: string;
  email: string | null;
  isBot: boolean;
  identityIds: string[];
  matchedBy: 'email' | 'mapping' | 'none';
}

export function planIdentityMerge(
  identities: readonly MergeIdentity[],
  members: readonly IdentityHandles[] = [],
): PlannedPerson[] {
  const parent = new Map(identities.map((identity) => [identity.id, identity.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(id, root);
    return root;
  };
  const how = new Map<string, 'email' | 'mapping'>();
  const union = (a: string, b: string, by: 'email' | 'mapping'): void => {
    const [rootA, rootB] = [find(a), find(b)];
    if (rootA === rootB) return;
    const [keep, drop] = rootA < rootB ? [rootA, rootB] : [rootB, rootA];
    parent.set(drop, keep);
    how.set(keep, how.get(keep) === 'email' || how.get(drop) === 'email' ? 'email' : by);
    if (by === 'email') how.set(keep, 'email');
  };
  const byEmail = new Map<string, string>();
  for (const identity of identities) {
    const email = identity.email?.trim().toLowerCase();
    if (email === undefined || email === '') continue;
    const first = byEmail.get(email);
    if (first === undefined) byEmail.set(email, identity.id);
    else union(first, identity.id, 'email');
  }
  const ids = new Set(identities.map((identity) => identity.id));
  for (const member of members) {
    const named = [
      member.github === undefined ? undefined : `github:${member.github.toLowerCase()}`,
      member.jiraAccountId === undefined ? undefined : `jira:${member.jiraAccountId}`,
      member.email === undefined ? undefined : byEmail.get(member.email.trim().toLowerCase()),
    ].filter((id): id is string => id !== undefined && ids.has(id));
    const [first, ...others] = named;
    if (first !== undefined) for (const other of others) union(first, other, 'mapping');
  }

  const groups = new Map<string, MergeIdentity[]>();
  for (const identity of identities)
    groups.set(find(identity.id), [...(groups.get(find(identity.id)) ?? []), identity]);
  const order = (identity: MergeIdentity) =>
    `${identity.system === 'github' ? 0 : 1}:${identity.id}`;
  return [...groups.entries()].map(([root, members]) => {
    const sorted = [...members].sort((a, b) => order(a).localeCompare(order(b)));
    const existing = sorted
      .map((member) => member.personId)
      .filter((id): id is string => id !== null)
      .sort();
    const jiraName = sorted.find(
      (member) => member.system === 'jira' && member.displayName !== null,
    )?.displayName;
    const first = sorted[0] as MergeIdentity;
    return {
      id: existing[0] ?? `person:${first.id}`,
      displayName:
        jiraName ??
        sorted.find((member) => member.displayName !== null)?.displayName ??
        first.externalId,
      email: sorted.find((member) => member.email !== null)?.email?.toLowerCase() ?? null,
      isBot: sorted.every((member) => member.isBot),
      identityIds: sorted.map((member) => member.id),
      matchedBy: members.length > 1 ? (how.get(root) ?? 'mapping') : 'none',
    };
  });
}
