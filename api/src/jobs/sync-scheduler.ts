import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { scopeOf, type JobRequest } from './job-kinds';
import type { EnqueuedJob, JobQueue } from './job-queue';

type Connections = Pick<AppConfig, 'github' | 'jira'>;

/**
 * The jobs one sync of the configuration is made of: the GitHub organisation (its job lists the
 * repositories and queues one job per repository) or each listed repository, and each Jira
 * project (or the whole connection when it is a JQL without projects). Every sync job queues
 * the after-sync steps when it ends.
 */
export function syncRequestsFor(config: Connections): JobRequest[] {
  const requests: JobRequest[] = [];
  if (config.github !== undefined) {
    if (config.github.org !== undefined) requests.push({ queue: 'sync-github', data: {} });
    else
      for (const repository of config.github.repos)
        requests.push({ queue: 'sync-github', data: { repository } });
  }
  if (config.jira !== undefined) {
    if (config.jira.projects.length === 0) requests.push({ queue: 'sync-jira', data: {} });
    else
      for (const project of config.jira.projects)
        requests.push({ queue: 'sync-jira', data: { project } });
  }
  return requests;
}

async function enqueueAll(queue: JobQueue, requests: JobRequest[]): Promise<EnqueuedJob[]> {
  const enqueued: EnqueuedJob[] = [];
  for (const request of requests) enqueued.push(await queue.enqueue(request));
  return enqueued;
}

/** Queues a sync now; scopes already waiting are not queued twice. */
export function enqueueSync(queue: JobQueue, config: Connections): Promise<EnqueuedJob[]> {
  return enqueueAll(queue, syncRequestsFor(config));
}

/**
 * The sync requests of `config` whose scope has no sync completed in the last `minutes`. Read
 * from job_run: every attempt with its outcome, committed with the job's completion and kept
 * after pg-boss archives or deletes the job.
 */
export async function staleSyncRequests(
  dataSource: DataSource,
  config: Connections,
  minutes: number,
): Promise<JobRequest[]> {
  const requests = syncRequestsFor(config);
  if (requests.length === 0) return [];
  const recent = await dataSource.query<{ queue: string; scope: string }[]>(
    `SELECT DISTINCT queue, scope FROM job_run
      WHERE outcome = 'completed' AND queue = ANY($1) AND finished_at > now() - make_interval(mins => $2)`,
    [[...new Set(requests.map((request) => request.queue))], minutes],
  );
  const fresh = new Set(recent.map((run) => `${run.queue} ${run.scope}`));
  return requests.filter((request) => !fresh.has(`${request.queue} ${scopeOf(request)}`));
}

export interface SyncSchedule {
  stop(): void;
}

/**
 * Keeps the configured GitHub and Jira synced wherever jobs are worked (the api's worker and
 * each worker process run the same schedule): at start, a sync of every scope whose last
 * completed sync is older than the interval (or that never synced), then a sync of everything
 * every interval. With no connection (the demo), nothing is queued.
 *
 * Several api replicas and workers scheduling at once do not pile syncs up: each queue has
 * pg-boss's `short` policy keyed by scope, whose unique index admits one `created` job per queue
 * and scope (pg-boss's `job_i1`), so a second send while one waits answers null. A tick landing
 * while a scope runs queues at most one more, which resumes from the checkpoints.
 *
 * @param connections the connections in force at each tick (the environment's, else Settings')
 */
export async function startSyncSchedule(options: {
  everyMinutes: number;
  dataSource: DataSource;
  queue: JobQueue;
  connections: () => Promise<Connections>;
  logger: Logger;
}): Promise<SyncSchedule> {
  const { everyMinutes, dataSource, queue, logger } = options;
  const tick = async (atStart: boolean): Promise<void> => {
    try {
      const config = await options.connections();
      const requests = atStart
        ? await staleSyncRequests(dataSource, config, everyMinutes)
        : syncRequestsFor(config);
      const queued = (await enqueueAll(queue, requests)).filter((job) => job.id !== null);
      if (queued.length > 0)
        logger.info(
          { scopes: queued.map((job) => `${job.queue} ${job.scope}`), everyMinutes },
          atStart
            ? 'sync queued at start: the last one is older than the interval'
            : 'scheduled sync queued',
        );
    } catch (error) {
      logger.warn({ err: error }, 'scheduled sync could not be queued (tried again next interval)');
    }
  };
  // Awaited, so the start-up sync is queued once the worker is up (and specs need no clock).
  await tick(true);
  const timer = setInterval(() => void tick(false), everyMinutes * 60_000);
  return { stop: () => clearInterval(timer) };
}
