import type PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import { bossDbOver, leaseHeldSql, LeaseLostError, type JobLease } from './job-lease';

/** Records that a worker started an attempt of a job; returns the attempt's id. */
export async function recordRunStart(
  dataSource: DataSource,
  run: { jobId: string; queue: string; scope: string; worker: string },
): Promise<string> {
  const rows = await dataSource.query<{ id: string }[]>(
    `INSERT INTO job_run (job_id, queue, scope, worker, started_at) VALUES ($1, $2, $3, $4, now()) RETURNING id::text AS id`,
    [run.jobId, run.queue, run.scope, run.worker],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('job_run insert returned no id');
  return id;
}

/**
 * Completes the job in pg-boss and finishes the attempt in ONE transaction, and only while this
 * worker still holds the lease: a job is either done and recorded once, or neither.
 */
export async function completeRun(
  dataSource: DataSource,
  boss: PgBoss,
  lease: JobLease,
  job: { name: string; id: string },
  runId: string,
  output: object,
): Promise<void> {
  lease.assertHeld();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const held = (await runner.query(`SELECT ${leaseHeldSql('$1', '$2')} AS held`, [
      lease.backendPid,
      job.id,
    ])) as { held: boolean }[];
    if (held[0]?.held !== true) throw new LeaseLostError(job.id);
    const db = bossDbOver({
      query: async (text, values) => ({ rows: (await runner.query(text, values)) as unknown[] }),
    });
    // Typed as void, but pg-boss 10 answers with how many jobs it completed.
    const complete = boss.complete.bind(boss) as (
      name: string,
      id: string,
      data: object,
      options: { db: PgBoss.Db },
    ) => Promise<{ affected?: number } | undefined>;
    const affected = (await complete(job.name, job.id, output, { db }))?.affected ?? 0;
    if (affected !== 1) throw new Error(`job ${job.id} was no longer active when completed`);
    await runner.query(
      `UPDATE job_run SET finished_at = now(), outcome = 'completed' WHERE id = $1`,
      [runId],
    );
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

export async function recordRunFailure(
  dataSource: DataSource,
  runId: string,
  error: unknown,
): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await dataSource.query(
    `UPDATE job_run SET finished_at = now(), outcome = 'failed', error = $2 WHERE id = $1`,
    [runId, message.slice(0, 2000)],
  );
}
