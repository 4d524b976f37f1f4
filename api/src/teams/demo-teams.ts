import type { TeamsConfig } from '@rework-radar/shared';
import { buildSkeleton, monthStart } from '../demo/generator/org-skeleton';

const slugOf = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The demo organisation's teams, derived from the generator's skeleton for `seed` (the same
 * skeleton that made the data, so deterministic): each person in the team the generator put
 * their work in, from the month they joined; repositories and the Jira project of each team.
 */
export function demoTeamsConfig(seed: number): TeamsConfig {
  const skeleton = buildSkeleton(seed);
  return {
    teams: skeleton.teams.map((team) => ({
      slug: slugOf(team.name),
      name: team.name,
      members: skeleton.people
        .filter((person) => person.teamIndex === team.index)
        .map((person) => ({
          github: person.githubLogin,
          jiraAccountId: person.jiraAccountId,
          ...(person.joinedMonth > 0
            ? { from: new Date(monthStart(person.joinedMonth)).toISOString() }
            : {}),
        })),
      repositories: team.repoNames.map((name) => `${skeleton.organization}/${name}`),
      jiraProjects: [team.projectKey],
    })),
  };
}
