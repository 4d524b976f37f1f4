import type {
  Team as TeamView,
  TeamInput,
  TeamMemberInput,
  TeamMembership as ScopingMembership,
  TeamsConfig,
  TeamUpdate,
} from '@rework-radar/shared';
import type { EntityManager } from 'typeorm';
import { mergeIdentities, type IdentityMergeReport } from '../identity/identity-merge';
import { resolveMembers } from './team-members.resolve';

/** All SQL on the team tables. Writes replace one team's rows inside the caller's transaction. */

interface MembershipRow {
  id: string;
  personId: string;
  from: Date | null;
  to: Date | null;
}

const membershipId = (slug: string, personId: string, from: Date | null): string =>
  `${slug}|${personId}|${from === null ? '-' : from.toISOString()}`;

/** Writes one team (name, configured members, their resolved memberships, repositories, projects); returns unresolved member labels. */
export async function saveTeam(manager: EntityManager, team: TeamInput): Promise<string[]> {
  const resolved = await resolveMembers(manager, team.members);
  await manager.query(
    `INSERT INTO team (slug, name, member_config, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (slug) DO UPDATE SET name = excluded.name, member_config = excluded.member_config, updated_at = now()
     WHERE team.name IS DISTINCT FROM excluded.name OR team.member_config IS DISTINCT FROM excluded.member_config`,
    [team.slug, team.name, JSON.stringify(team.members)],
  );
  const rows = new Map<string, MembershipRow>();
  for (const member of resolved) {
    if ('unresolved' in member) continue;
    const id = membershipId(team.slug, member.personId, member.from);
    rows.set(id, { id, personId: member.personId, from: member.from, to: member.to });
  }
  await replaceMemberships(manager, team.slug, [...rows.values()]);
  await replaceList(
    manager,
    'team_repository',
    'repository_full_name',
    team.slug,
    team.repositories.map((name) => name.toLowerCase()),
  );
  await replaceList(manager, 'team_jira_project', 'project_key', team.slug, team.jiraProjects);
  return resolved.flatMap((member) => ('unresolved' in member ? [member.unresolved] : []));
}

/** Change-only: rows that stay are left alone, so an unchanged configuration writes nothing. */
async function replaceMemberships(
  manager: EntityManager,
  slug: string,
  rows: readonly MembershipRow[],
): Promise<void> {
  await manager.query(
    'DELETE FROM team_membership WHERE team_slug = $1 AND NOT (id = ANY($2::text[]))',
    [slug, rows.map((row) => row.id)],
  );
  for (const row of rows) {
    await manager.query(
      `INSERT INTO team_membership (id, team_slug, person_id, from_at, to_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET to_at = excluded.to_at WHERE team_membership.to_at IS DISTINCT FROM excluded.to_at`,
      [row.id, slug, row.personId, row.from, row.to],
    );
  }
}

async function replaceList(
  manager: EntityManager,
  table: 'team_repository' | 'team_jira_project',
  column: string,
  slug: string,
  values: readonly string[],
): Promise<void> {
  await manager.query(
    `DELETE FROM ${table} WHERE team_slug = $1 AND NOT (${column} = ANY($2::text[]))`,
    [slug, values],
  );
  await manager.query(
    `INSERT INTO ${table} (team_slug, ${column}) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
    [slug, values],
  );
}

/** The whole configuration: teams not in it are removed with their rows. */
export async function applyTeamsConfig(
  manager: EntityManager,
  config: TeamsConfig,
): Promise<Map<string, string[]>> {
  const slugs = config.teams.map((team) => team.slug);
  for (const table of ['team_membership', 'team_repository', 'team_jira_project', 'team']) {
    await manager.query(
      `DELETE FROM ${table} WHERE NOT (${table === 'team' ? 'slug' : 'team_slug'} = ANY($1::text[]))`,
      [slugs],
    );
  }
  const unresolved = new Map<string, string[]>();
  for (const team of config.teams) unresolved.set(team.slug, await saveTeam(manager, team));
  return unresolved;
}

export async function updateTeam(
  manager: EntityManager,
  slug: string,
  update: TeamUpdate,
): Promise<void> {
  await saveTeam(manager, { slug, ...update });
}

/**
 * The identity merge with what the teams configure: a member listed with both a GitHub login and
 * a Jira account (or an email) is one person, so the tickets assigned to their Jira account count
 * in their team like their pull requests do.
 */
export async function mergeConfiguredIdentities(
  manager: EntityManager,
): Promise<IdentityMergeReport> {
  const teams = await manager.query<Array<{ member_config: TeamMemberInput[] }>>(
    'SELECT member_config FROM team ORDER BY slug',
  );
  return mergeIdentities(
    manager,
    teams.flatMap((team) => team.member_config),
  );
}

/**
 * Members configured before their identities were synced, or whose accounts a configuration
 * change has just paired, resolve now (run before each rollup refresh).
 */
export async function reresolveTeams(manager: EntityManager): Promise<void> {
  await mergeConfiguredIdentities(manager);
  for (const team of await readTeamInputs(manager)) await saveTeam(manager, team);
}

async function readTeamInputs(manager: EntityManager): Promise<TeamInput[]> {
  const teams = await manager.query<
    Array<{ slug: string; name: string; member_config: TeamMemberInput[] }>
  >('SELECT slug, name, member_config FROM team ORDER BY slug');
  const repositories = await groupedList(manager, 'team_repository', 'repository_full_name');
  const projects = await groupedList(manager, 'team_jira_project', 'project_key');
  return teams.map((team) => ({
    slug: team.slug,
    name: team.name,
    members: team.member_config,
    repositories: repositories.get(team.slug) ?? [],
    jiraProjects: projects.get(team.slug) ?? [],
  }));
}

async function groupedList(
  manager: EntityManager,
  table: 'team_repository' | 'team_jira_project',
  column: string,
): Promise<Map<string, string[]>> {
  const rows = await manager.query<Array<{ team_slug: string; value: string }>>(
    `SELECT team_slug, ${column} AS value FROM ${table} ORDER BY team_slug, ${column}`,
  );
  const grouped = new Map<string, string[]>();
  for (const row of rows)
    grouped.set(row.team_slug, [...(grouped.get(row.team_slug) ?? []), row.value]);
  return grouped;
}

export async function teamExists(manager: EntityManager, slug: string): Promise<boolean> {
  return (await manager.query<unknown[]>('SELECT 1 FROM team WHERE slug = $1', [slug])).length > 0;
}

/** Every membership in the shape the metric scoping reads (`teamId` = slug). */
export async function loadMemberships(manager: EntityManager): Promise<ScopingMembership[]> {
  const rows = await manager.query<
    Array<{ team_slug: string; person_id: string; from_at: Date | null; to_at: Date | null }>
  >(
    'SELECT team_slug, person_id, from_at, to_at FROM team_membership ORDER BY team_slug, person_id, from_at NULLS FIRST',
  );
  return rows.map((row) => ({
    teamId: row.team_slug,
    personId: row.person_id,
    from: row.from_at,
    to: row.to_at,
  }));
}

/**
 * A team's members over time, or null for an unknown team. With `at`, only those who were
 * members at that instant. For filters such as `GET /api/rework?team=`.
 */
export async function resolveTeamMembers(
  manager: EntityManager,
  teamSlug: string,
  at?: Date,
): Promise<ScopingMembership[] | null> {
  if (!(await teamExists(manager, teamSlug))) return null;
  const memberships = (await loadMemberships(manager)).filter(
    (membership) => membership.teamId === teamSlug,
  );
  if (at === undefined) return memberships;
  const time = at.getTime();
  return memberships.filter(
    (m) =>
      (m.from === null || m.from.getTime() <= time) && (m.to === null || time < m.to.getTime()),
  );
}

/** `GET /api/teams`. */
export async function listTeams(manager: EntityManager): Promise<TeamView[]> {
  const inputs = await readTeamInputs(manager);
  const rows = await manager.query<
    Array<{
      team_slug: string;
      person_id: string;
      from_at: Date | null;
      to_at: Date | null;
      display_name: string | null;
      github: string[];
      jira: string[];
    }>
  >(
    `SELECT m.team_slug, m.person_id, m.from_at, m.to_at, p.display_name,
       coalesce(array_agg(i.external_id ORDER BY i.external_id) FILTER (WHERE i.system = 'github'), '{}') AS github,
       coalesce(array_agg(i.external_id ORDER BY i.external_id) FILTER (WHERE i.system = 'jira'), '{}') AS jira
     FROM team_membership m LEFT JOIN person p ON p.id = m.person_id LEFT JOIN identity i ON i.person_id = m.person_id
     GROUP BY m.team_slug, m.person_id, m.from_at, m.to_at, p.display_name
     ORDER BY m.team_slug, p.display_name, m.person_id, m.from_at NULLS FIRST`,
  );
  const resolved = await Promise.all(inputs.map((team) => resolveMembers(manager, team.members)));
  return inputs.map((team, index) => ({
    slug: team.slug,
    name: team.name,
    members: rows
      .filter((row) => row.team_slug === team.slug)
      .map((row) => ({
        personId: row.person_id,
        displayName: row.display_name ?? row.person_id,
        githubLogins: row.github,
        jiraAccountIds: row.jira,
        from: row.from_at?.toISOString() ?? null,
        to: row.to_at?.toISOString() ?? null,
      })),
    repositories: team.repositories,
    jiraProjects: team.jiraProjects,
    unresolved: (resolved[index] ?? []).flatMap((member) =>
      'unresolved' in member ? [member.unresolved] : [],
    ),
    unresolvedMembers: team.members.filter((_, at) => {
      const member = resolved[index]?.[at];
      return member !== undefined && 'unresolved' in member;
    }),
  }));
}
