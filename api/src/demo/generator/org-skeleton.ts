import type { SimSprint } from '../../sources/jira/simulator/simulator-dataset';
import type { GenBot, GenPerson, GenRepo, GenTeam, OrgSkeleton } from './org-model';
import { Random } from './random';
import { firstNames, lastNames, teamThemes } from './vocabulary';

export const demoStart = Date.parse('2024-07-01T00:00:00Z');
export const demoMonths = 18;
export const dayMs = 86_400_000;
export const hourMs = 3_600_000;

export function monthStart(month: number): number {
  const date = new Date(demoStart);
  date.setUTCMonth(date.getUTCMonth() + month);
  return date.getTime();
}

export function periodOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** The agents that open PRs themselves (their logins match the GitHub connector's defaults). */
const agentBots: GenBot[] = [
  { login: 'devin-ai-integration', githubId: 158243242 },
  { login: 'copilot-swe-agent', githubId: 198982749 },
  { login: 'dependabot', githubId: 49699333 },
];

/** Teams, people (some with different GitHub and Jira names), repositories and sprints. */
export function buildSkeleton(seed: number): OrgSkeleton {
  const random = Random.fork(seed, 'skeleton');
  const storyTeams = random.sample([0, 1, 2, 3, 4], 2);
  const contextFirst = storyTeams[0] ?? 0;
  const velocity = storyTeams[1] ?? 1;
  const teams: GenTeam[] = teamThemes.map((theme, index) => ({
    index,
    name: theme.name,
    projectKey: theme.projectKey,
    story: index === contextFirst ? 'context-first' : index === velocity ? 'velocity' : 'steady',
    nouns: theme.nouns,
    repoNames: theme.repos.map((repo) => repo.name),
  }));
  const repos: GenRepo[] = teamThemes.flatMap((theme, teamIndex) =>
    theme.repos.map((repo) => ({
      name: repo.name,
      teamIndex,
      language: repo.language,
      strategy: random.chance(0.5) ? ('squash' as const) : ('merge' as const),
      databaseId: 0,
      createdAt: new Date(demoStart - random.int(200, 900) * dayMs).toISOString(),
    })),
  );
  repos.forEach((repo, index) => (repo.databaseId = 700_000 + index));

  const people: GenPerson[] = [];
  const used = new Set<string>();
  for (let index = 0; index < 40; index += 1) {
    let first = random.pick(firstNames);
    let last = random.pick(lastNames);
    while (used.has(`${first} ${last}`)) {
      first = random.pick(firstNames);
      last = random.pick(lastNames);
    }
    used.add(`${first} ${last}`);
    const teamIndex = index % 5;
    const style = random.int(0, 4);
    // GitHub handles rarely match the name in Jira: that is what identity merging must cope with.
    const githubLogin = [
      `${first}${last}`.toLowerCase(),
      `${first[0]}${last}`.toLowerCase(),
      `${first.toLowerCase()}-${random.int(7, 99)}`,
      `${last.toLowerCase()}dev`,
      `${first.toLowerCase()}.${last.toLowerCase()}`.replace('.', '-'),
    ][style] as string;
    const jiraUsesShortName = random.chance(0.25);
    people.push({
      key: `p${index + 1}`,
      displayName: `${first} ${last}`,
      githubLogin,
      githubId: 4_100_000 + index * 37,
      email: `${first}.${last}@acme-corp.test`.toLowerCase(),
      jiraAccountId: `712020:${(0x5f00a000 + index * 7919).toString(16)}-demo-${String(index).padStart(4, '0')}`,
      jiraName: `${first[0]}${last}`.toLowerCase(),
      jiraDisplayName: jiraUsesShortName ? `${first} ${last[0]}.` : `${first} ${last}`,
      jiraEmail: random.chance(0.2) ? null : `${first}.${last}@acme-corp.test`.toLowerCase(),
      teamIndex,
      joinedMonth: index < 35 ? 0 : random.int(3, 12),
    });
  }

  const sprints: SimSprint[] = [];
  const end = monthStart(demoMonths);
  teams.forEach((team, teamIndex) => {
    const boardId = teamIndex + 1;
    for (let index = 0, at = demoStart; at < end; index += 1, at += 14 * dayMs) {
      const closed = at + 14 * dayMs <= end;
      sprints.push({
        id: boardId * 1000 + index + 1,
        boardId,
        name: `${team.projectKey} Sprint ${index + 1}`,
        state: closed ? 'closed' : 'active',
        startDate: new Date(at).toISOString(),
        endDate: new Date(at + 14 * dayMs).toISOString(),
        completeDate: closed ? new Date(at + 14 * dayMs + 2 * hourMs).toISOString() : null,
        goal: random.chance(0.4) ? `Ship ${random.pick(team.nouns)} improvements` : null,
      });
    }
  });

  const contextFirstFromMonth = 8;
  const velocityFromMonth = 6;
  return {
    seed,
    organization: 'acme-corp',
    start: new Date(demoStart).toISOString(),
    months: demoMonths,
    teams,
    people,
    bots: agentBots,
    repos,
    sprints,
    story: {
      contextFirstTeam: teams[contextFirst]?.name ?? '',
      contextFirstFromMonth,
      contextFirstFrom: new Date(monthStart(contextFirstFromMonth)).toISOString(),
      velocityTeam: teams[velocity]?.name ?? '',
      velocityFromMonth,
      velocityFrom: new Date(monthStart(velocityFromMonth)).toISOString(),
    },
  };
}

export function sprintAt(
  skeleton: OrgSkeleton,
  teamIndex: number,
  at: number,
): SimSprint | undefined {
  const index = Math.floor((at - demoStart) / (14 * dayMs));
  return skeleton.sprints.find((sprint) => sprint.id === (teamIndex + 1) * 1000 + index + 1);
}
