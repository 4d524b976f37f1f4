import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { GithubConnection } from '../../config/app-config';
import { agentRules } from './agent-detection';
import { createGithubClient, type WaitEvent } from './github-client';
import { collectDeliveries } from './delivery.collector';
import { collectPullRequests } from './pull-request.collector';
import { collectRepositories } from './repository.collector';
import { mirrorRepository, type MirrorFailure } from './repository-mirror';
import type { BeforeCommitHook, SyncContext, SyncCounters } from './sync-context';

export type SyncProgressEvent =
  | { kind: 'repositories-listed'; repositories: string[] }
  | { kind: 'page-stored'; repository: string; stream: string; records: number }
  | { kind: 'repository-done'; repository: string; reposDone: number; reposTotal: number }
  | { kind: 'mirror-done'; repository: string; ok: boolean }
  | { kind: 'waiting'; reason: WaitEvent['reason']; seconds: number; endpoint: string };

export interface GithubSyncReport {
  reposDone: number;
  reposTotal: number;
  pullRequestsStored: number;
  /** HTTP requests sent, retries included. */
  requests: number;
  /** GraphQL points spent, as GitHub reported them. */
  graphqlPoints: number;
  waits: number;
  waitSeconds: number;
  quarantined: number;
  /** Git mirrors (git traffic, not API requests): only when `dataDir` was given. */
  mirrors: {
    updated: number;
    /** clone/fetch attempts, retries included */
    attempts: number;
    failures: MirrorFailure[];
  };
}

export interface GithubSyncOptions {
  dataSource: DataSource;
  connection: GithubConnection;
  logger: Logger;
  incidentLabels?: string[];
  agentLogins?: string[];
  onProgress?: (event: SyncProgressEvent) => void;
  /** When given, each repository's bare git mirror is kept under `<dataDir>/git/`. */
  dataDir?: string;
}

/** Knobs for tests and benchmarks; production uses the defaults. */
export interface GithubSyncTuning {
  retryBaseMs?: number;
  graphqlGapMs?: number;
  beforeCommit?: BeforeCommitHook;
}

/**
 * One sync of the configured organisation and repositories: repositories, then per repository
 * pull requests (resuming after the stored cursor), deployments, releases and incidents.
 */
export async function syncGithub(options: GithubSyncOptions): Promise<GithubSyncReport> {
  return runGithubSync(options, {});
}

export async function runGithubSync(
  options: GithubSyncOptions,
  tuning: GithubSyncTuning,
): Promise<GithubSyncReport> {
  const counters: SyncCounters = {
    reposDone: 0,
    pullRequestsStored: 0,
    requests: 0,
    graphqlPoints: 0,
    waits: 0,
    waitSeconds: 0,
    quarantined: 0,
  };
  const onProgress = options.onProgress ?? (() => undefined);
  const onWait = (wait: WaitEvent): void => {
    counters.waits += 1;
    counters.waitSeconds += wait.seconds;
    options.logger.info({ wait }, 'waiting for GitHub');
    onProgress({ kind: 'waiting', ...wait });
  };
  const client = await createGithubClient(options.connection, {
    onWait,
    ...(tuning.retryBaseMs === undefined ? {} : { retryBaseMs: tuning.retryBaseMs }),
    ...(tuning.graphqlGapMs === undefined ? {} : { graphqlGapMs: tuning.graphqlGapMs }),
  });
  client.hook.before('request', () => {
    counters.requests += 1;
  });
  const context: SyncContext = {
    dataSource: options.dataSource,
    client,
    logger: options.logger,
    rules: agentRules(options.agentLogins),
    incidentLabels: options.incidentLabels ?? ['incident'],
    counters,
    retryBaseMs: tuning.retryBaseMs ?? 1000,
    onProgress,
    onWait,
    ...(tuning.beforeCommit === undefined ? {} : { beforeCommit: tuning.beforeCommit }),
  };
  const repositories = await collectRepositories(
    context,
    options.connection.org,
    options.connection.repos,
  );
  onProgress({ kind: 'repositories-listed', repositories });
  const mirrors: GithubSyncReport['mirrors'] = { updated: 0, attempts: 0, failures: [] };
  for (const repository of repositories) {
    const heads = await collectPullRequests(context, repository);
    if (heads !== undefined) await collectDeliveries(context, repository, heads);
    if (options.dataDir !== undefined) {
      const outcome = await mirrorRepository(
        context,
        options.dataDir,
        repository,
        heads?.webUrl ?? null,
      );
      mirrors.attempts += outcome.attempts;
      if (outcome.failure === null) mirrors.updated += 1;
      else mirrors.failures.push(outcome.failure);
      onProgress({ kind: 'mirror-done', repository, ok: outcome.failure === null });
    }
    counters.reposDone += 1;
    onProgress({
      kind: 'repository-done',
      repository,
      reposDone: counters.reposDone,
      reposTotal: repositories.length,
    });
  }
  const report: GithubSyncReport = { ...counters, reposTotal: repositories.length, mirrors };
  options.logger.info({ report }, 'GitHub sync finished');
  return report;
}
