import type { TeamMemberInput } from '@rework-radar/shared';
import type { EntityManager } from 'typeorm';

/** A configured member tied to a person, or the label of one no identity matches yet. */
export type ResolvedMember =
  { personId: string; from: Date | null; to: Date | null } | { unresolved: string };

export const memberLabel = (member: TeamMemberInput): string =>
  member.github !== undefined
    ? `github:${member.github}`
    : member.jiraAccountId !== undefined
      ? `jira:${member.jiraAccountId}`
      : member.email !== undefined
        ? `email:${member.email}`
        : `person:${member.personId ?? ''}`;

/** A date alone means midnight UTC of that day. */
export const instant = (value: string | undefined): Date | null =>
  value === undefined ? null : new Date(value.length === 10 ? `${value}T00:00:00Z` : value);

interface IdentityRow {
  id: string;
  email: string | null;
  person_id: string;
}

/**
 * Members to persons through the identity table (the identity merge has tied GitHub and Jira
 * accounts to persons): GitHub login, then Jira account, then e-mail, then a person id as given.
 */
export async function resolveMembers(
  manager: EntityManager,
  members: readonly TeamMemberInput[],
): Promise<ResolvedMember[]> {
  const identities = await manager.query<IdentityRow[]>(
    'SELECT id, lower(email) AS email, person_id FROM identity WHERE person_id IS NOT NULL',
  );
  const persons = new Set(
    (await manager.query<Array<{ id: string }>>('SELECT id FROM person')).map((row) => row.id),
  );
  const byId = new Map(identities.map((row) => [row.id, row.person_id]));
  const byEmail = new Map<string, string>();
  for (const row of identities)
    if (row.email !== null && !byEmail.has(row.email)) byEmail.set(row.email, row.person_id);
  return members.map((member): ResolvedMember => {
    const personId =
      (member.github === undefined
        ? undefined
        : byId.get(`github:${member.github.toLowerCase()}`)) ??
      (member.jiraAccountId === undefined ? undefined : byId.get(`jira:${member.jiraAccountId}`)) ??
      (member.email === undefined ? undefined : byEmail.get(member.email.toLowerCase())) ??
      (member.personId !== undefined && persons.has(member.personId) ? member.personId : undefined);
    return personId === undefined
      ? { unresolved: memberLabel(member) }
      : { personId, from: instant(member.from), to: instant(member.to) };
  });
}
