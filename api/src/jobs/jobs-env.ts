import type { DatabaseEngine } from '@rework-radar/shared';
import { z } from 'zod';

/**
 * Settings of the job queue, read from the environment by the worker and the api. Kept here
 * rather than in AppConfig: only the queue reads them.
 *   WORKER_IN_API=true        the api process also works jobs (default: true on the embedded
 *                             database, which no separate worker can reach; otherwise the api
 *                             only enqueues)
 *   JOBS_RETRY_LIMIT          retries per job before it fails (default 20)
 *   JOBS_RETRY_DELAY_SECONDS  base of the exponential backoff (default 5: 10 s, 20 s, 40 s ...)
 *   JOBS_POLL_SECONDS         how often an idle worker polls (default 2, at least 0.5)
 *   JOBS_ORPHAN_GRACE_SECONDS an active job whose worker holds no lease this long after its
 *                             start is released for a retry (default 10)
 *   JOBS_STOP_TIMEOUT_SECONDS on SIGTERM, how long the running jobs get before being released (default 30)
 */
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

const jobsEnvSchema = z.object({
  WORKER_IN_API: flag.optional(),
  JOBS_RETRY_LIMIT: z.coerce.number().int().min(0).max(1000).default(20),
  JOBS_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(600).default(2),
  JOBS_ORPHAN_GRACE_SECONDS: z.coerce.number().min(1).max(3600).default(10),
  JOBS_STOP_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(30),
});

export interface JobsSettings {
  workerInApi: boolean;
  retryLimit: number;
  retryDelaySeconds: number;
  pollSeconds: number;
  orphanGraceSeconds: number;
  stopTimeoutSeconds: number;
}

export function parseJobsSettings(
  env: Record<string, string | undefined>,
  engine: DatabaseEngine = 'external',
): JobsSettings {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const result = jobsEnvSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${String(issue.path[0])}: ${issue.message}`)
      .join('\n');
    throw new Error(`Invalid job queue settings:\n${problems}`);
  }
  const parsed = result.data;
  return {
    workerInApi: parsed.WORKER_IN_API ?? engine === 'embedded',
    retryLimit: parsed.JOBS_RETRY_LIMIT,
    retryDelaySeconds: parsed.JOBS_RETRY_DELAY_SECONDS,
    pollSeconds: parsed.JOBS_POLL_SECONDS,
    orphanGraceSeconds: parsed.JOBS_ORPHAN_GRACE_SECONDS,
    stopTimeoutSeconds: parsed.JOBS_STOP_TIMEOUT_SECONDS,
  };
}
