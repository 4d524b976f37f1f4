import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { linkBaseOf } from '../analysis/link-base';
import type { AppConfig, GithubConnection } from '../config/app-config';
import { refreshMetricRollups } from '../metrics/refresh-metric-rollups';
import { agentRules } from '../sources/github/agent-detection';
import { createGithubClient } from '../sources/github/github-client';
import { runGithubSync } from '../sources/github/github-sync';
import { collectRepositories } from '../sources/github/repository.collector';
import type { SyncContext } from '../sources/github/sync-context';
import { runJiraSync } from '../sources/jira/jira-sync';
import { runAfterSyncSteps } from '../sync/after-sync';
import { reanalyse } from '../sync/reanalyse';
import type { JobRequest } from './job-kinds';
import type { JobQueue } from './job-queue';

export interface JobContext {
  dataSource: DataSource;
  config: Pick<AppConfig, 'github' | 'jira' | 'dataDir' | 'analysis' | 'demo'>;
  logger: Logger;
  queue: JobQueue;
  /** Throws when this worker lost the job: called before every commit of a sync. */
  assertLeaseHeld: () => void;
}

/** What a finished job reports (stored as the job's output in pg-boss). */
export type JobOutput = Record<string, number | string>;

/**
 * Runs one job. Every handler is idempotent: the connectors resume from their checkpoints and
 * write by source keys, the after-sync steps and the rollup refresh write only what changed, so a
 * retry after a kill gives the same rows as one clean run.
 */
export async function runJob(request: JobRequest, context: JobContext): Promise<JobOutput> {
  switch (request.queue) {
    case 'sync-github':
      return request.data.repository === undefined
        ? fanOutOrganisation(context)
        : syncRepository(context, request.data.repository);
    case 'sync-jira':
      return syncJiraScope(context, request.data.project);
    case 'after-sync':
      return afterSync(context);
    case 'reanalyse':
      return reanalyseAll(context);
    case 'refresh-rollups':
      return refreshRollups(context);
  }
}

function githubOf(context: JobContext): GithubConnection {
  if (context.config.github === undefined)
    throw new Error('GitHub is not configured in this worker (GITHUB_TOKEN or a GitHub App)');
  return context.config.github;
}

async function fanOutOrganisation(context: JobContext): Promise<JobOutput> {
  const connection = githubOf(context);
  const client = await createGithubClient(connection);
  const listing: SyncContext = {
    dataSource: context.dataSource,
    client,
    logger: context.logger,
    rules: agentRules(),
    incidentLabels: ['incident'],
    counters: {
      reposDone: 0,
      pullRequestsStored: 0,
      requests: 0,
      graphqlPoints: 0,
      waits: 0,
      waitSeconds: 0,
      quarantined: 0,
    },
    retryBaseMs: 1000,
    onProgress: () => undefined,
    onWait: (wait) => context.logger.info({ wait }, 'waiting for GitHub'),
  };
  const repositories = await collectRepositories(listing, connection.org, connection.repos);
  context.assertLeaseHeld();
  let queued = 0;
  for (const repository of repositories) {
    const job = await context.queue.enqueue({ queue: 'sync-github', data: { repository } });
    if (job.id !== null) queued += 1;
  }
  return { repositories: repositories.length, queued };
}

async function syncRepository(context: JobContext, repository: string): Promise<JobOutput> {
  const connection = { ...githubOf(context), org: undefined, repos: [repository] };
  const report = await runGithubSync(
    {
      dataSource: context.dataSource,
      connection,
      logger: context.logger,
      dataDir: context.config.dataDir,
    },
    { beforeCommit: () => context.assertLeaseHeld() },
  );
  await context.queue.enqueue({ queue: 'after-sync', data: {} });
  return {
    repository,
    pullRequestsStored: report.pullRequestsStored,
    requests: report.requests,
    mirrorFailures: report.mirrors.failures.length,
  };
}

async function syncJiraScope(context: JobContext, project: string | undefined): Promise<JobOutput> {
  const configured = context.config.jira;
  if (configured === undefined)
    throw new Error('Jira is not configured in this worker (JIRA_BASE_URL and credentials)');
  const connection = project === undefined ? configured : { ...configured, projects: [project] };
  const report = await runJiraSync(
    { dataSource: context.dataSource, connection, logger: context.logger },
    { beforeCommit: () => context.assertLeaseHeld() },
  );
  await context.queue.enqueue({ queue: 'after-sync', data: {} });
  return {
    scope: report.scope,
    issuesSynced: report.issuesSynced,
    quarantined: report.quarantined.length,
  };
}

async function afterSync(context: JobContext): Promise<JobOutput> {
  const report = await runAfterSyncSteps(context.dataSource, context.logger, {
    dataDir: context.config.dataDir,
    analysis: context.config.analysis,
    links: linkBaseOf(context.config),
  });
  return { persons: report.identities.persons, linksAdded: report.links.linksAdded };
}

async function reanalyseAll(context: JobContext): Promise<JobOutput> {
  const report = await reanalyse(context.dataSource, context.logger, {
    dataDir: context.config.dataDir,
    analysis: context.config.analysis,
    links: linkBaseOf(context.config),
    full: true,
  });
  return {
    modelVersion: report.analysis.modelVersion,
    attributions: report.analysis.counts.attributions,
    periodsRecomputed: report.rollups.periodsRecomputed,
  };
}

async function refreshRollups(context: JobContext): Promise<JobOutput> {
  const report = await refreshMetricRollups(context.dataSource, context.logger);
  return {
    scopesRecomputed: report.scopesRecomputed,
    periodsRecomputed: report.periodsRecomputed,
    rowsWritten: report.rowsWritten,
  };
}
