import type {
  GithubDataset,
  SimPullRequest,
  SimRepository,
  SimUser,
} from '../../sources/github/simulator/github-dataset';
import type {
  JiraSimulatorDataset,
  SimIssue,
} from '../../sources/jira/simulator/simulator-dataset';
import { simStatuses } from '../../sources/jira/simulator/dataset-generator';
import type { GenDeployment, GenIncident, GenPullRequest, OrgSkeleton } from './org-model';
import { demoFieldIds } from './work-item.builder';

/** Resolves a commit id of a repository to its SHA (real, from git; or a stand-in without git). */
export type ShaOf = (repo: string, commitId: number) => string;

/** The GitHub simulator's dataset from the generated organisation. */
export class GithubDatasetBuilder {
  private readonly repositories = new Map<string, SimRepository>();

  constructor(private readonly skeleton: OrgSkeleton) {
    for (const repo of skeleton.repos) {
      this.repositories.set(repo.name, {
        databaseId: repo.databaseId,
        owner: skeleton.organization,
        name: repo.name,
        isPrivate: true,
        defaultBranch: 'main',
        createdAt: repo.createdAt,
        updatedAt: repo.createdAt,
        pullRequests: [],
        deployments: [],
        releases: [],
        issues: [],
      });
    }
  }

  add(
    pullRequests: GenPullRequest[],
    deployments: GenDeployment[],
    incidents: GenIncident[],
    shaOf: ShaOf,
  ): void {
    const resolve = (repo: string, text: string): string =>
      text.replace(/\{\{sha:(\d+)\}\}/g, (_, id: string) => shaOf(repo, Number(id)));
    for (const pr of pullRequests) {
      const repo = this.repo(pr.repo);
      const {
        repo: _repo,
        commits,
        files,
        landing,
        workItemKey: _key,
        isAgent: _agent,
        ...rest
      } = pr;
      const simulated: SimPullRequest = {
        ...rest,
        body: resolve(pr.repo, pr.body),
        files,
        mergeCommitSha:
          landing === null || pr.state !== 'MERGED' ? null : shaOf(pr.repo, landing.id),
        commits: commits.map((commit) => ({
          sha: shaOf(pr.repo, commit.id),
          message: resolve(pr.repo, commit.message),
          authoredDate: commit.authoredAt,
          authorLogin: commit.authorLogin,
          authorName: commit.authorName,
          authorEmail: commit.authorEmail,
        })),
      };
      repo.pullRequests.push(simulated);
      if (simulated.updatedAt > repo.updatedAt) repo.updatedAt = simulated.updatedAt;
    }
    for (const deployment of deployments) {
      const { repo: name, commitId, ...rest } = deployment;
      this.repo(name).deployments.push({ ...rest, sha: shaOf(name, commitId) });
    }
    for (const incident of incidents) {
      const { repo: name, ...rest } = incident;
      this.repo(name).issues.push(rest);
    }
  }

  build(): GithubDataset {
    const users: SimUser[] = [
      ...this.skeleton.people.map((person) => ({
        login: person.githubLogin,
        databaseId: person.githubId,
        type: 'User' as const,
        name: person.displayName,
        email: null,
      })),
      ...this.skeleton.bots.map((bot) => ({
        login: bot.login,
        databaseId: bot.githubId,
        type: 'Bot' as const,
        name: null,
        email: null,
      })),
      { login: 'github-actions', databaseId: 41898282, type: 'Bot', name: null, email: null },
    ];
    for (const repo of this.repositories.values())
      repo.pullRequests.sort((a, b) => a.number - b.number);
    return {
      organization: this.skeleton.organization,
      users,
      repositories: [...this.repositories.values()],
    };
  }

  private repo(name: string): SimRepository {
    const repo = this.repositories.get(name);
    if (repo === undefined) throw new Error(`unknown repository ${name}`);
    return repo;
  }
}

/** The Jira simulator's dataset: one project and scrum board per team. */
export function buildJiraDataset(skeleton: OrgSkeleton, issues: SimIssue[]): JiraSimulatorDataset {
  return {
    projects: skeleton.teams.map((team, index) => ({
      id: String(10_100 + index),
      key: team.projectKey,
      name: team.name,
    })),
    users: skeleton.people.map((person) => ({
      id: person.jiraAccountId,
      name: person.jiraName,
      displayName: person.jiraDisplayName,
      email: person.jiraEmail,
    })),
    statuses: simStatuses,
    linkTypes: [
      { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
      { id: '10001', name: 'Causes', inward: 'is caused by', outward: 'causes' },
      { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
    ],
    fields: [
      {
        id: demoFieldIds.storyPoints,
        name: 'Story Points',
        customType: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
        schemaType: 'number',
      },
      {
        id: demoFieldIds.sprint,
        name: 'Sprint',
        customType: 'com.pyxis.greenhopper.jira:gh-sprint',
        schemaType: 'array',
      },
      {
        id: demoFieldIds.epicLink,
        name: 'Epic Link',
        customType: 'com.pyxis.greenhopper.jira:gh-epic-link',
        schemaType: 'any',
      },
      {
        id: demoFieldIds.acceptanceCriteria,
        name: 'Acceptance Criteria',
        customType: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
        schemaType: 'string',
      },
    ],
    fieldIds: demoFieldIds,
    boards: skeleton.teams.map((team, index) => ({
      id: index + 1,
      name: `${team.name} board`,
      type: 'scrum',
      projectKey: team.projectKey,
    })),
    sprints: skeleton.sprints,
    issues: [...issues].sort((a, b) => Number(a.id) - Number(b.id)),
  };
}
