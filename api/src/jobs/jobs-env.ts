import { z } from 'zod';
import { configErrorOf, withoutEmptyValues } from '../config/config-error';

/**
 * Settings of the job queue, validated with the rest of the configuration (`.env` included, see
 * `parseConfig`) but declared here, beside the queue that reads them:
 *   WORKER_IN_API=false       the api only queues jobs, for deployments with separate worker
 *                             processes (default true: the api works jobs too, so `npm start`
 *                             is the whole product on any database)
 *   JOBS_SYNC_EVERY_MINUTES   wherever jobs are worked, sync the configured GitHub and Jira this
 *                             often, and at start when the last sync is older (default 60; 0 or
 *                             off: no schedule, syncs only on request)
 *   JOBS_RETRY_LIMIT          retries per job before it fails (default 20)
 *   JOBS_RETRY_DELAY_SECONDS  base of the exponential backoff (default 5: 10 s, 20 s, 40 s ...)
 *   JOBS_POLL_SECONDS         how often an idle worker polls (default 2, at least 0.5)
 *   JOBS_ORPHAN_GRACE_SECONDS an active job whose worker holds no lease this long after its
 *                             start is released for a retry (default 10)
 *   JOBS_STOP_TIMEOUT_SECONDS on SIGTERM, how long the running jobs get before being released (default 30)
 */
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
  .transform((value) => ['true', '1', 'yes'].includes(value));

/** A week: also keeps the interval far below setInterval's limit (~24.8 days). */
const maxSyncMinutes = 7 * 24 * 60;

/** Spread into the configuration's schema, so a bad value is reported with every other one. */
export const jobsEnvShape = {
  WORKER_IN_API: flag.default(true),
  JOBS_SYNC_EVERY_MINUTES: z
    .preprocess(
      (value) => (typeof value === 'string' && value.trim().toLowerCase() === 'off' ? 0 : value),
      z.coerce
        .number({ error: `expected whole minutes (1 to ${maxSyncMinutes}), or 0 or off` })
        .int(`expected whole minutes (1 to ${maxSyncMinutes}), or 0 or off`)
        .min(0, `expected whole minutes (1 to ${maxSyncMinutes}), or 0 or off`)
        .max(maxSyncMinutes, `expected at most ${maxSyncMinutes} minutes (a week)`),
    )
    .default(60),
  JOBS_RETRY_LIMIT: z.coerce.number().int().min(0).max(1000).default(20),
  JOBS_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(600).default(2),
  JOBS_ORPHAN_GRACE_SECONDS: z.coerce.number().min(1).max(3600).default(10),
  JOBS_STOP_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(30),
};

const jobsEnvSchema = z.object(jobsEnvShape);

export interface JobsSettings {
  workerInApi: boolean;
  /** Minutes between scheduled syncs; null: no schedule. */
  syncEveryMinutes: number | null;
  retryLimit: number;
  retryDelaySeconds: number;
  pollSeconds: number;
  orphanGraceSeconds: number;
  stopTimeoutSeconds: number;
}

export function jobsSettingsOf(parsed: z.infer<typeof jobsEnvSchema>): JobsSettings {
  return {
    workerInApi: parsed.WORKER_IN_API,
    syncEveryMinutes: parsed.JOBS_SYNC_EVERY_MINUTES === 0 ? null : parsed.JOBS_SYNC_EVERY_MINUTES,
    retryLimit: parsed.JOBS_RETRY_LIMIT,
    retryDelaySeconds: parsed.JOBS_RETRY_DELAY_SECONDS,
    pollSeconds: parsed.JOBS_POLL_SECONDS,
    orphanGraceSeconds: parsed.JOBS_ORPHAN_GRACE_SECONDS,
    stopTimeoutSeconds: parsed.JOBS_STOP_TIMEOUT_SECONDS,
  };
}

/** The job settings alone (for a queue opened outside the app); throws a ConfigError naming each bad variable. */
export function parseJobsSettings(env: Record<string, string | undefined>): JobsSettings {
  const cleaned = withoutEmptyValues(env);
  const result = jobsEnvSchema.safeParse(cleaned);
  if (!result.success) throw configErrorOf(result.error.issues, cleaned);
  return jobsSettingsOf(result.data);
}
