import type { AppConfig } from '../config/app-config';
import type { JobRequest } from './job-kinds';
import type { EnqueuedJob, JobQueue } from './job-queue';

/**
 * The jobs one sync of the configuration is made of: the GitHub organisation (its job lists the
 * repositories and queues one job per repository) or each listed repository, and each Jira
 * project (or the whole connection when it is a JQL without projects). Every sync job queues
 * the after-sync steps when it ends.
 */
export function syncRequestsFor(config: Pick<AppConfig, 'github' | 'jira'>): JobRequest[] {
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

/** Queues a sync now; scopes already waiting are not queued twice. */
export async function enqueueSync(
  queue: JobQueue,
  config: Pick<AppConfig, 'github' | 'jira'>,
): Promise<EnqueuedJob[]> {
  const enqueued: EnqueuedJob[] = [];
  for (const request of syncRequestsFor(config)) enqueued.push(await queue.enqueue(request));
  return enqueued;
}
