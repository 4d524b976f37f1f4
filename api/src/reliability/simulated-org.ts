import { generateOrganisation } from '../sources/github/simulator/dataset-generator';
import { GithubSimulator } from '../sources/github/simulator/github-simulator';
import { generateJiraDataset } from '../sources/jira/simulator/dataset-generator';
import { startJiraSimulator, type JiraSimulator } from '../sources/jira/simulator/jira-simulator';

export interface SimulatedOrg {
  /** Environment of a worker (or `parseConfig`) syncing this org into `databaseUrl`. */
  env(databaseUrl: string, dataDir: string): Record<string, string>;
  repositories: number;
  projects: string[];
  stop(): Promise<void>;
}

export interface SimulatedOrgOptions {
  repositories: number;
  pullRequestsPerRepository: number;
  issues: number;
  projects: string[];
  /** Added to every answer, so kills and restarts land in the middle of pages. */
  slowMs?: number;
  seed?: number;
}

/** The GitHub and Jira simulators (real HTTP servers on 127.0.0.1) serving one generated org. */
export async function startSimulatedOrg(options: SimulatedOrgOptions): Promise<SimulatedOrg> {
  const seed = options.seed ?? 31;
  const github = generateOrganisation({
    repositories: options.repositories,
    pullRequestsPerRepository: options.pullRequestsPerRepository,
    seed,
  });
  const jira = generateJiraDataset({
    seed,
    issueCount: options.issues,
    projectKeys: options.projects,
    overflowEvery: 25,
  });
  const githubSimulator = await new GithubSimulator(github).start();
  const slowMs = options.slowMs ?? 0;
  if (slowMs > 0) githubSimulator.setFaults({ probability: 1, kinds: ['slow'], slowMs });
  const jiraSimulator: JiraSimulator = await startJiraSimulator({
    deployment: 'cloud',
    dataset: jira,
    auth: { email: 'bot@acme.test', apiToken: 't' },
    searchMaxResults: 25,
    ...(slowMs > 0 ? { faults: { rate: 1, kinds: ['slow'], slowMs } } : {}),
  });
  return {
    repositories: options.repositories,
    projects: options.projects,
    env: (databaseUrl, dataDir) => ({
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      GITHUB_TOKEN: 'ghp_test',
      GITHUB_API_URL: githubSimulator.apiUrl,
      GITHUB_ORG: github.organization,
      JIRA_BASE_URL: jiraSimulator.baseUrl,
      JIRA_EMAIL: 'bot@acme.test',
      JIRA_API_TOKEN: 't',
      JIRA_DEPLOYMENT: 'cloud',
      JIRA_PROJECTS: options.projects.join(','),
      LOG_LEVEL: 'info',
      JOBS_POLL_SECONDS: '0.5',
      JOBS_RETRY_DELAY_SECONDS: '1',
      JOBS_ORPHAN_GRACE_SECONDS: '2',
      JOBS_RETRY_LIMIT: '60',
      JOBS_STOP_TIMEOUT_SECONDS: '5',
    }),
    stop: async () => {
      await githubSimulator.stop();
      await jiraSimulator.close();
    },
  };
}
