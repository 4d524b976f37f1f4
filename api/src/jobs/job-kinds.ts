import { z } from 'zod';

/**
 * The job kinds on the queue, their payloads and the scope each one locks. A scope never runs
 * twice at once (one advisory lock per scope) and is queued at most once (pg-boss `short`
 * policy on the scope's singleton key). The queue names are part of the sync status the web
 * reads, so they live in `shared/`.
 */
export { jobQueues, type JobQueueName } from '@rework-radar/shared';

const repositoryName = z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected owner/name');

/** `repository` absent: list the organisation's repositories and queue one job per repository. */
export const syncGithubPayload = z.object({ repository: repositoryName.optional() }).strict();
/** `project` absent: the whole configured connection (its JQL or every project) in one job. */
export const syncJiraPayload = z
  .object({
    project: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]+$/)
      .optional(),
  })
  .strict();
export const afterSyncPayload = z.object({}).strict();
/** A full re-analysis (rules or model changed); locks the same scope as the after-sync steps. */
export const reanalysePayload = z.object({}).strict();
/** Recomputes the metric rollups after an override or a model change (queued after its commit). */
export const refreshRollupsPayload = z.object({}).strict();

export type SyncGithubPayload = z.infer<typeof syncGithubPayload>;
export type SyncJiraPayload = z.infer<typeof syncJiraPayload>;
export type AfterSyncPayload = z.infer<typeof afterSyncPayload>;
export type ReanalysePayload = z.infer<typeof reanalysePayload>;
export type RefreshRollupsPayload = z.infer<typeof refreshRollupsPayload>;

export type JobRequest =
  | { queue: 'sync-github'; data: SyncGithubPayload }
  | { queue: 'sync-jira'; data: SyncJiraPayload }
  | { queue: 'after-sync'; data: AfterSyncPayload }
  | { queue: 'reanalyse'; data: ReanalysePayload }
  | { queue: 'refresh-rollups'; data: RefreshRollupsPayload };

/**
 * The scope a job works on: its singleton key (per queue), and the name of its lock (across
 * queues: kinds that share a scope never run at the same time).
 */
export function scopeOf(request: JobRequest): string {
  switch (request.queue) {
    case 'sync-github':
      return request.data.repository === undefined
        ? 'org'
        : `repo:${request.data.repository.toLowerCase()}`;
    case 'sync-jira':
      return request.data.project === undefined ? 'connection' : `project:${request.data.project}`;
    case 'after-sync':
    case 'reanalyse':
    case 'refresh-rollups':
      // A rollup refresh writes metric_rollup as the after-sync steps and a re-analysis do: their lock.
      return 'all';
  }
}

/** Validates a payload read back from the queue (it is stored jsonb another process wrote). */
export function parseJobRequest(queue: string, data: unknown): JobRequest {
  switch (queue) {
    case 'sync-github':
      return { queue, data: syncGithubPayload.parse(data) };
    case 'sync-jira':
      return { queue, data: syncJiraPayload.parse(data) };
    case 'after-sync':
      return { queue, data: afterSyncPayload.parse(data) };
    case 'reanalyse':
      return { queue, data: reanalysePayload.parse(data) };
    case 'refresh-rollups':
      return { queue, data: refreshRollupsPayload.parse(data) };
    default:
      throw new Error(`unknown job queue ${queue}`);
  }
}

/** Exponential backoff in seconds before retry n (1-based), as pg-boss computes it, without the jitter. */
export function backoffSeconds(retryDelaySeconds: number, retry: number): number {
  return retryDelaySeconds * 2 ** Math.min(16, retry);
}
