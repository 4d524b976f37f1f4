import { jobQueues, type JobQueueName, type JobState, type SyncStatus } from '@rework-radar/shared';
import type { DataSource } from 'typeorm';
import { queueSchema } from './job-queue';

function zeroCounts(): Record<JobState, number> {
  return { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };
}

interface JobRow {
  id: string;
  name: JobQueueName;
  singleton_key: string | null;
  state: JobState;
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
