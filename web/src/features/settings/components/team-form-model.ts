import type { Team, TeamMemberInput, TeamUpdate } from '@rework-radar/shared';

/** The fields of a member that name the person; the api joins the accounts named on one member. */
const memberIdentityFields = ['github', 'jiraAccountId', 'email', 'personId'] as const;
type MemberIdentityField = (typeof memberIdentityFields)[number];

/**
 * One member row of the team form: one person named by up to three accounts (GitHub login, Jira
 * account, e-mail), and when (dates, empty = open). `personId` is never typed: it keeps a member
 * the api knows only by person id, so saving the form does not drop them.
 */
export interface MemberRow extends Record<MemberIdentityField, string> {
  key: string;
  /** The resolved person's name, empty for typed rows. */
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

export const emptyMemberRow = (): MemberRow => ({
  key: newRowKey(),
  github: '',
  jiraAccountId: '',
  email: '',
  personId: '',
  displayName: '',
  from: '',
  to: '',
});

/** `2026-03-01T00:00:00.000Z` -> `2026-03-01` for a date input; other instants keep their day. */
const dateOf = (instant: string | null): string => (instant === null ? '' : instant.slice(0, 10));

/** A configured member no identity matches yet, as a row with every account and date it names. */
function rowOfConfigured(member: TeamMemberInput): MemberRow {
  return {
    ...emptyMemberRow(),
    github: member.github ?? '',
    jiraAccountId: member.jiraAccountId ?? '',
    email: member.email ?? '',
    personId: member.personId ?? '',
    from: member.from?.slice(0, 10) ?? '',
    to: member.to?.slice(0, 10) ?? '',
  };
}

/**
 * The form for a team as the api answers it. A resolved member is named again by its first GitHub
 * login and first Jira account, so saving keeps the pair the configuration joined into one person;
 * one with neither keeps its person id. Configured members that match no identity yet are kept
 * as typed rows with every account and date they were configured with.
 */
export function teamToForm(team: Team | undefined): TeamFormValues {
  if (team === undefined) return { name: '', members: [], repositories: '', jiraProjects: '' };
  const resolved = team.members.map((member): MemberRow => {
    const github = member.githubLogins[0] ?? '';
    const jiraAccountId = member.jiraAccountIds[0] ?? '';
    return {
      ...emptyMemberRow(),
      github,
      jiraAccountId,
      personId: github === '' && jiraAccountId === '' ? member.personId : '',
      displayName: member.displayName,
      from: dateOf(member.from),
      to: dateOf(member.to),
    };
  });
  return {
    name: team.name,
    members: [...resolved, ...team.unresolvedMembers.map(rowOfConfigured)],
    repositories: team.repositories.join('\n'),
    jiraProjects: team.jiraProjects.join(', '),
  };
}

const listOf = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** A row as the api takes it, or null when it names nobody. */
function memberOf(row: MemberRow): TeamMemberInput | null {
  const member: TeamMemberInput = {};
  for (const field of memberIdentityFields) {
    const value = row[field].trim();
    if (value !== '') member[field] = value;
  }
  if (Object.keys(member).length === 0) return null;
  if (row.from !== '') member.from = row.from;
  if (row.to !== '') member.to = row.to;
  return member;
}

/** The `PUT /api/teams/:slug` body; rows that name no account are left out. */
export function formToUpdate(values: TeamFormValues): TeamUpdate {
  return {
    name: values.name.trim(),
    members: values.members.map(memberOf).filter((member) => member !== null),
    repositories: listOf(values.repositories),
    jiraProjects: listOf(values.jiraProjects).map((key) => key.toUpperCase()),
  };
}
