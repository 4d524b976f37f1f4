import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { jobQueues } from './job-kinds';
import { queueSchema } from './job-queue';

export const jobStates = [
  'created',
  'retry',
  'active',
  'completed',
  'cancelled',
  'failed',
] as const;

export const syncJobSchema = z.object({
  id: z.string(),
  queue: z.enum(jobQueues),
  scope: z.string().nullable(),
  state: z.enum(jobStates),
  retryCount: z.number().int(),
  createdOn: z.string(),
  startedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  /** The last error message of a failed or retried job. */
  error: z.string().nullable(),
});

export const syncStatusSchema = z.object({
  /** Job counts per queue and state (completed jobs stay counted until pg-boss deletes them). */
  queues: z.array(
    z.object({ queue: z.enum(jobQueues), counts: z.record(z.enum(jobStates), z.number().int()) }),
  ),
  /** The 50 latest jobs, newest first. */
  jobs: z.array(syncJobSchema),
});

export const syncEnqueuedSchema = z.object({
  jobs: z.array(
    z.object({ queue: z.enum(jobQueues), scope: z.string(), id: z.string().nullable() }),
  ),
});

export type SyncStatus = z.infer<typeof syncStatusSchema>;

function zeroCounts(): Record<(typeof jobStates)[number], number> {
  return { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };
}

interface JobRow {
  id: string;
  name: (typeof jobQueues)[number];
  singleton_key: string | null;
  state: (typeof jobStates)[number];
  retry_count: number;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  output: { message?: unknown } | null;
}

/** States of the queued jobs, read from pg-boss's tables (live and archived). Empty before pg-boss was ever started. */
export async function readSyncStatus(dataSource: DataSource): Promise<SyncStatus> {
  const installed = await dataSource.query<{ present: boolean }[]>(
    `SELECT to_regclass('${queueSchema}.job') IS NOT NULL AS present`,
  );
  if (installed[0]?.present !== true)
    return { queues: jobQueues.map((queue) => ({ queue, counts: zeroCounts() })), jobs: [] };
  const all = `SELECT id, name, singleton_key, state::text AS state, retry_count, created_on, started_on, completed_on, output FROM ${queueSchema}.job WHERE name = ANY($1)
               UNION ALL SELECT id, name, singleton_key, state::text AS state, retry_count, created_on, started_on, completed_on, output FROM ${queueSchema}.archive WHERE name = ANY($1)`;
  const counts = await dataSource.query<
    { name: JobRow['name']; state: JobRow['state']; count: string }[]
  >(`SELECT name, state, count(*)::text AS count FROM (${all}) jobs GROUP BY name, state`, [
    jobQueues,
  ]);
  const latest = await dataSource.query<JobRow[]>(
    `SELECT * FROM (${all}) jobs ORDER BY created_on DESC, id LIMIT 50`,
    [jobQueues],
  );
  return {
    queues: jobQueues.map((queue) => {
      const perState = zeroCounts();
      for (const row of counts) if (row.name === queue) perState[row.state] = Number(row.count);
      return { queue, counts: perState };
    }),
    jobs: latest.map((row) => ({
      id: row.id,
      queue: row.name,
      scope: row.singleton_key,
      state: row.state,
      retryCount: row.retry_count,
      createdOn: row.created_on.toISOString(),
      startedOn: row.started_on?.toISOString() ?? null,
      completedOn: row.completed_on?.toISOString() ?? null,
      error:
        (row.state === 'failed' || row.state === 'retry') && typeof row.output?.message === 'string'
          ? row.output.message
          : null,
    })),
  };
}
