import type { Team, TeamMemberInput, TeamUpdate } from '@rework-radar/shared';

export const identityKinds = ['github', 'jira', 'email', 'person'] as const;
export type IdentityKind = (typeof identityKinds)[number];

/** One member row of the team form: who (by one identity) and when (dates, empty = open). */
export interface MemberRow {
  key: string;
  kind: IdentityKind;
  value: string;
  /** What the row shows for a resolved person (their name), empty for typed rows. */
  displayName: string;
  from: string;
  to: string;
}

export interface TeamFormValues {
  name: string;
  members: MemberRow[];
  repositories: string;
  jiraProjects: string;
}

let rowCounter = 0;
export const newRowKey = (): string => `row-${(rowCounter += 1)}`;

/** `2026-03-01T00:00:00.000Z` -> `2026-03-01` for a date input; other instants keep their day. */
const dateOf = (instant: string | null): string => (instant === null ? '' : instant.slice(0, 10));

/**
 * The form for a team as the api answers it: resolved members by person id (names shown), and
 * configured members that match no identity yet (`github:ghost`) kept as typed rows, so saving
 * the form does not drop them.
 */
export function teamToForm(team: Team | undefined): TeamFormValues {
  if (team === undefined) return { name: '', members: [], repositories: '', jiraProjects: '' };
  const resolved = team.members.map((member): MemberRow => ({
    key: newRowKey(),
    kind: 'person',
    value: member.personId,
    displayName: member.displayName,
    from: dateOf(member.from),
    to: dateOf(member.to),
  }));
  const unresolved = team.unresolved.map((label): MemberRow => {
    const at = label.indexOf(':');
    const kind = label.slice(0, at);
    return {
      key: newRowKey(),
      kind: (identityKinds as readonly string[]).includes(kind) ? (kind as IdentityKind) : 'github',
      value: at < 0 ? label : label.slice(at + 1),
      displayName: '',
      from: '',
      to: '',
    };
  });
  return {
    name: team.name,
    members: [...resolved, ...unresolved],
    repositories: team.repositories.join('\n'),
    jiraProjects: team.jiraProjects.join(', '),
  };
}

const listOf = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

const identityField: Record<IdentityKind, keyof TeamMemberInput> = {
  github: 'github',
  jira: 'jiraAccountId',
  email: 'email',
  person: 'personId',
};

/** The `PUT /api/teams/:slug` body; rows with no identity typed are left out. */
export function formToUpdate(values: TeamFormValues): TeamUpdate {
  return {
    name: values.name.trim(),
    members: values.members
      .filter((row) => row.value.trim() !== '')
      .map((row) => ({
        [identityField[row.kind]]: row.value.trim(),
        ...(row.from === '' ? {} : { from: row.from }),
        ...(row.to === '' ? {} : { to: row.to }),
      })),
    repositories: listOf(values.repositories),
    jiraProjects: listOf(values.jiraProjects).map((key) => key.toUpperCase()),
  };
}
