import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { GithubDataset } from '../sources/github/simulator/github-dataset';
import { GithubSimulator, type RateLimitPlan } from '../sources/github/simulator/github-simulator';
import { runGithubSync, type GithubSyncReport } from '../sources/github/github-sync';
import { startJiraSimulator } from '../sources/jira/simulator/jira-simulator';
import type { JiraSimulatorDataset } from '../sources/jira/simulator/simulator-dataset';
import { syncJira, type JiraSyncReport } from '../sources/jira/jira-sync';
import { parseAnalysisConfig, type AnalysisConfig } from '../analysis/core';
import { demoLinkBase } from '../analysis/link-base';
import { demoTeamsConfig } from '../teams/demo-teams';
import { runAfterSyncSteps, type AfterSyncReport } from '../sync/after-sync';
import { buildDemo, demoFiles, demoFingerprint } from './demo-build';

export interface DemoProgressEvent {
  stage: string;
  message: string;
  done?: number;
  total?: number;
}

export interface LoadDemoOptions {
  dataDir: string;
  dataSource: DataSource;
  logger: Logger;
  seed?: number;
  scale?: { prs: number };
  /** Analysis rules; the defaults when not given. */
  analysis?: AnalysisConfig;
  onProgress?: (event: DemoProgressEvent) => void;
}

export interface LoadDemoResult {
  /** True when the generated data was already on disk (generation skipped). */
  reused: boolean;
  githubReport: GithubSyncReport;
  jiraReport: JiraSyncReport;
  afterSync: AfterSyncReport;
  groundTruthPath: string;
  /** `owner/name` -> bare git repository with the real history (the clone URL to mirror from). */
  gitDirs: Record<string, string>;
  durationMs: number;
}

export const defaultDemoSeed = 7;

export const defaultDemoScale = { prs: 4000 };

/** The largest budget GitHub's schema can state (`rateLimit.remaining` is an Int). */
const unmeteredLimits: RateLimitPlan = {
  graphqlPoints: 2 ** 31 - 1,
  restRequests: 2 ** 31 - 1,
  windowMs: 3_600_000,
};

/** Where a demo build lives: keyed by seed, scale and generator version. */
export function demoDirectory(dataDir: string, seed: number, prs: number): string {
  return join(dataDir, 'demo', demoFingerprint(seed, prs));
}

/**
 * The demo organisation end to end: generate (or reuse) datasets and git repositories under
 * `<dataDir>/demo/<fingerprint>/`, serve them through the GitHub and Jira simulators on
 * 127.0.0.1, run the real connectors against them, stop the simulators. A second call finds
 * the files and the sync checkpoints, so it only re-reads what changed (nothing).
 */
export async function loadDemoOrganisation(options: LoadDemoOptions): Promise<LoadDemoResult> {
  const started = Date.now();
  const seed = options.seed ?? defaultDemoSeed;
  const prs = (options.scale ?? defaultDemoScale).prs;
  const progress = options.onProgress ?? (() => undefined);
  const outDir = demoDirectory(options.dataDir, seed, prs);
  const manifestPath = join(outDir, demoFiles.manifest);

  const reused =
    existsSync(manifestPath) &&
    (JSON.parse(await readFile(manifestPath, 'utf8')) as { fingerprint?: string }).fingerprint ===
      demoFingerprint(seed, prs);
  let github: GithubDataset;
  let jira: JiraSimulatorDataset;
  if (reused) {
    progress({ stage: 'generate', message: `reusing the demo organisation in ${outDir}` });
    github = JSON.parse(await readFile(join(outDir, demoFiles.github), 'utf8')) as GithubDataset;
    jira = JSON.parse(await readFile(join(outDir, demoFiles.jira), 'utf8')) as JiraSimulatorDataset;
  } else {
    progress({
      stage: 'generate',
      message: `generating the demo organisation (${prs} pull requests, seed ${seed})`,
    });
    const build = await buildDemo({ seed, prs, outDir, onProgress: progress });
    github = build.github;
    jira = build.jira;
  }
  const gitDirs = Object.fromEntries(
    github.repositories.map((repo) => [
      `${repo.owner}/${repo.name}`,
      join(outDir, 'git', repo.owner, `${repo.name}.git`),
    ]),
  );

  // The simulator serves each repository's real history over git's HTTP protocol, so the sync
  // mirrors it under DATA_DIR/git exactly as it would mirror github.com.
  for (const repo of github.repositories) repo.gitDir = gitDirs[`${repo.owner}/${repo.name}`];
  // GitHub's budget (5,000 points an hour) is right for tests of the sync's waiting, but a local
  // demo has no one to protect: past about 40,000 PRs the sync would sleep an hour for the reset.
  const githubSimulator = await new GithubSimulator(github, unmeteredLimits).start();
  const auth = { email: 'demo@acme-corp.test', apiToken: 'demo-token' };
  const jiraSimulator = await startJiraSimulator({ deployment: 'cloud', dataset: jira, auth });
  try {
    progress({
      stage: 'sync-github',
      message: `syncing ${github.repositories.length} repositories from the GitHub simulator`,
      done: 0,
      total: github.repositories.length,
    });
    // The simulator is local: no pause between GraphQL calls (GitHub's 1 s courtesy gap would make the demo wait minutes).
    // GitHub and Jira sync side by side (separate tables, separate simulators): the cold demo load
    // waited for one after the other (about 19 s + 9 s on a busy 2-core machine).
    const githubSync = runGithubSync(
      {
        dataSource: options.dataSource,
        connection: {
          apiUrl: githubSimulator.apiUrl,
          auth: { kind: 'token', token: 'demo-token' },
          org: github.organization,
          repos: [],
        },
        logger: options.logger,
        dataDir: options.dataDir,
        onProgress: (event) => {
          if (event.kind === 'repository-done')
            progress({
              stage: 'sync-github',
              message: `synced ${event.repository}`,
              done: event.reposDone,
              total: event.reposTotal,
            });
          // A wait is never silent: a paused sync must not look like a hung one.
          if (event.kind === 'waiting')
            progress({
              stage: 'sync-github',
              message: `waiting ${event.seconds} s for GitHub (${event.reason}, ${event.endpoint})`,
            });
        },
      },
      { graphqlGapMs: 0, retryBaseMs: 50 },
    );
    progress({
      stage: 'sync-jira',
      message: `syncing ${jira.issues.length} work items from the Jira simulator`,
    });
    const jiraSync = syncJira({
      dataSource: options.dataSource,
      connection: {
        baseUrl: jiraSimulator.baseUrl,
        auth: { kind: 'basic', ...auth },
        deployment: 'cloud',
        projects: jira.projects.map((project) => project.key),
        jql: undefined,
      },
      logger: options.logger,
      onProgress: (event) =>
        progress({
          stage: 'sync-jira',
          message: event.message,
          done: event.issues,
          total: jira.issues.length,
        }),
    });
    // Both finish before the simulators stop, even when one fails.
    const [githubOutcome, jiraOutcome] = await Promise.allSettled([githubSync, jiraSync]);
    if (githubOutcome.status === 'rejected') throw githubOutcome.reason;
    if (jiraOutcome.status === 'rejected') throw jiraOutcome.reason;
    const githubReport = githubOutcome.value;
    const jiraReport = jiraOutcome.value;
    progress({
      stage: 'analyse',
      message: 'merging identities, linking pull requests to work items, analysing rework',
    });
    const afterSync = await runAfterSyncSteps(options.dataSource, options.logger, {
      dataDir: options.dataDir,
      analysis: options.analysis ?? parseAnalysisConfig({}),
      links: demoLinkBase,
      teams: demoTeamsConfig(seed),
    });
    const result: LoadDemoResult = {
      reused,
      githubReport,
      jiraReport,
      afterSync,
      groundTruthPath: join(outDir, demoFiles.groundTruth),
      gitDirs,
      durationMs: Date.now() - started,
    };
    progress({
      stage: 'done',
      message: `demo organisation loaded in ${(result.durationMs / 1000).toFixed(1)} s`,
    });
    return result;
  } finally {
    await githubSimulator.stop();
    await jiraSimulator.close();
  }
}
