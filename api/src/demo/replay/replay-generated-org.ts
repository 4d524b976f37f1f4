import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { runGithubSync } from '../../sources/github/github-sync';
import type { GithubDataset } from '../../sources/github/simulator/github-dataset';
import {
  GithubSimulator,
  type RateLimitPlan,
} from '../../sources/github/simulator/github-simulator';
import { runJiraSync } from '../../sources/jira/jira-sync';
import { startJiraSimulator } from '../../sources/jira/simulator/jira-simulator';
import type { SimIssue } from '../../sources/jira/simulator/simulator-dataset';
import { SyncCheckpoint } from '../../sources/sync-state/sync-checkpoint.entity';
import { buildJiraDataset, GithubDatasetBuilder } from '../generator/dataset.builders';
import type {
  GenDeployment,
  GenIncident,
  GenPullRequest,
  OrgSkeleton,
} from '../generator/org-model';
import { buildSkeleton } from '../generator/org-skeleton';
import { NdjsonReader } from './ndjson-reader';

/**
 * Loads what the streaming generator wrote (`streamOrganisation`: NDJSON files, git
 * repositories and their marks files) at any size, through the real connectors: the records are
 * served a batch at a time by the GitHub and Jira simulators, and each batch is one sync of the
 * unchanged connectors (HTTP, payload validation, raw payloads, converters, writers). Only one
 * batch is in memory, where the demo loader holds the whole organisation in its simulators.
 * Sync checkpoints are cleared before each batch: every batch is a simulator with new records,
 * so a cursor from the last one would skip the new records' first pages.
 */
export interface ReplayOptions {
  dataSource: DataSource;
  logger: Logger;
  /** The directory `streamOrganisation` wrote to. */
  generatedDir: string;
  /** The generator's seed: the skeleton (people, teams, repositories, sprints) is rebuilt from it. */
  seed: number;
  pullRequestsPerBatch?: number;
  workItemsPerBatch?: number;
  onProgress?: (event: ReplayProgressEvent) => void;
}

export interface ReplayProgressEvent {
  source: 'github' | 'jira';
  batch: number;
  /** Records stored so far (pull requests, or work items). */
  stored: number;
  seconds: number;
}

export interface ReplayReport {
  github: {
    batches: number;
    pullRequestsStored: number;
    requests: number;
    quarantined: number;
    seconds: number;
  };
  jira: {
    batches: number;
    issuesSynced: number;
    searchPages: number;
    quarantined: number;
    seconds: number;
  };
}

/** A local replay has nobody's budget to protect (GraphQL's `remaining` is an Int). */
const unmetered: RateLimitPlan = {
  graphqlPoints: 2 ** 31 - 1,
  restRequests: 2 ** 31 - 1,
  windowMs: 3_600_000,
};

const jiraAuth = { email: 'replay@acme-corp.test', apiToken: 'replay-token' };

export const generatedFiles = {
  pullRequests: 'pull-requests.ndjson',
  workItems: 'work-items.ndjson',
  deployments: 'deployments.ndjson',
  incidents: 'incidents.ndjson',
  groundTruth: 'ground-truth.ndjson',
};

/** `<generatedDir>/git/<owner>/<name>.git`: the layout the analysis reads mirrors from too. */
export const generatedGitDir = (generatedDir: string, owner: string, name: string): string =>
  join(generatedDir, 'git', owner, `${name}.git`);

export async function replayGeneratedOrganisation(options: ReplayOptions): Promise<ReplayReport> {
  for (const file of Object.values(generatedFiles))
    if (!existsSync(join(options.generatedDir, file)))
      throw new Error(
        `${join(options.generatedDir, file)} is missing: generate the organisation first (generate.cli --stream)`,
      );
  const skeleton = buildSkeleton(options.seed);
  const [github, jira] = await Promise.allSettled([
    replayGithub(options, skeleton),
    replayJira(options, skeleton),
  ]);
  if (github.status === 'rejected') throw github.reason;
  if (jira.status === 'rejected') throw jira.reason;
  return { github: github.value, jira: jira.value };
}

async function clearCheckpoints(dataSource: DataSource, source: 'github' | 'jira'): Promise<void> {
  await dataSource.manager.delete(SyncCheckpoint, { source });
}

/** Each repository's commit ids -> SHAs, from the marks files `git fast-import` exported. */
async function readMarks(
  generatedDir: string,
  skeleton: OrgSkeleton,
): Promise<Map<string, Map<number, string>>> {
  const marks = new Map<string, Map<number, string>>();
  for (const repo of skeleton.repos) {
    const path = join(
      generatedGitDir(generatedDir, skeleton.organization, repo.name),
      'demo-marks',
    );
    if (!existsSync(path))
      throw new Error(`${path} is missing: the organisation was generated without git (--no-git)`);
    const shas = new Map<number, string>();
    for (const line of (await readFile(path, 'utf8')).split('\n')) {
      const match = /^:(\d+) ([0-9a-f]{40})$/.exec(line);
      if (match !== null) shas.set(Number(match[1]), match[2] as string);
    }
    marks.set(repo.name, shas);
  }
  return marks;
}

async function replayGithub(
  options: ReplayOptions,
  skeleton: OrgSkeleton,
): Promise<ReplayReport['github']> {
  const started = Date.now();
  const size = options.pullRequestsPerBatch ?? 20_000;
  const marks = await readMarks(options.generatedDir, skeleton);
  const shaOf = (repo: string, id: number): string => {
    const sha = marks.get(repo)?.get(id);
    if (sha === undefined) throw new Error(`no commit ${id} in ${repo}'s marks file`);
    return sha;
  };
  const file = (name: string): string => join(options.generatedDir, name);
  const pullRequests = new NdjsonReader<GenPullRequest>(file(generatedFiles.pullRequests));
  const deployments = new NdjsonReader<GenDeployment>(file(generatedFiles.deployments));
  const incidents = new NdjsonReader<GenIncident>(file(generatedFiles.incidents));
  const report: ReplayReport['github'] = {
    batches: 0,
    pullRequestsStored: 0,
    requests: 0,
    quarantined: 0,
    seconds: 0,
  };
  for (;;) {
    const batch = await pullRequests.batch(size);
    const final = batch.length < size;
    // Deployments and incidents travel with the PRs of their time; the last batch takes the rest.
    const until = batch.reduce((latest, pr) => (pr.createdAt > latest ? pr.createdAt : latest), '');
    const inBatch = (record: { createdAt: string }): boolean => final || record.createdAt <= until;
    const builder = new GithubDatasetBuilder(skeleton);
    builder.add(
      batch,
      await deployments.takeWhile(inBatch),
      await incidents.takeWhile(inBatch),
      shaOf,
    );
    const synced = await syncGithubBatch(options, builder.build());
    report.batches += 1;
    report.pullRequestsStored += synced.pullRequestsStored;
    report.requests += synced.requests;
    report.quarantined += synced.quarantined;
    options.onProgress?.({
      source: 'github',
      batch: report.batches,
      stored: report.pullRequestsStored,
      seconds: (Date.now() - started) / 1000,
    });
    if (final) break;
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

async function syncGithubBatch(
  options: ReplayOptions,
  dataset: GithubDataset,
): Promise<{ pullRequestsStored: number; requests: number; quarantined: number }> {
  await clearCheckpoints(options.dataSource, 'github');
  const simulator = await new GithubSimulator(dataset, unmetered).start();
  try {
    // No dataDir: the generated repositories are the mirrors the analysis reads.
    return await runGithubSync(
      {
        dataSource: options.dataSource,
        connection: {
          apiUrl: simulator.apiUrl,
          auth: { kind: 'token', token: 'replay-token' },
          org: dataset.organization,
          repos: [],
        },
        logger: options.logger,
      },
      { graphqlGapMs: 0, retryBaseMs: 50 },
    );
  } finally {
    await simulator.stop();
  }
}

async function replayJira(
  options: ReplayOptions,
  skeleton: OrgSkeleton,
): Promise<ReplayReport['jira']> {
  const started = Date.now();
  const size = options.workItemsPerBatch ?? 30_000;
  const workItems = new NdjsonReader<SimIssue>(
    join(options.generatedDir, generatedFiles.workItems),
  );
  const report: ReplayReport['jira'] = {
    batches: 0,
    issuesSynced: 0,
    searchPages: 0,
    quarantined: 0,
    seconds: 0,
  };
  for (;;) {
    const batch = await workItems.batch(size);
    if (batch.length === 0 && report.batches > 0) break;
    const dataset = buildJiraDataset(skeleton, batch);
    await clearCheckpoints(options.dataSource, 'jira');
    const simulator = await startJiraSimulator({ deployment: 'cloud', dataset, auth: jiraAuth });
    try {
      const synced = await runJiraSync(
        {
          dataSource: options.dataSource,
          connection: {
            baseUrl: simulator.baseUrl,
            auth: { kind: 'basic', ...jiraAuth },
            deployment: 'cloud',
            projects: dataset.projects.map((project) => project.key),
            jql: undefined,
          },
          logger: options.logger,
        },
        {},
      );
      report.issuesSynced += synced.issuesSynced;
      report.searchPages += synced.searchPages;
      report.quarantined += synced.quarantined.length;
    } finally {
      await simulator.close();
    }
    report.batches += 1;
    options.onProgress?.({
      source: 'jira',
      batch: report.batches,
      stored: report.issuesSynced,
      seconds: (Date.now() - started) / 1000,
    });
    if (batch.length < size) break;
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}
