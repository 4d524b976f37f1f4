import { Client, type Pool, type PoolClient } from 'pg';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { jobQueues } from './job-kinds';
import { queueSchema } from './job-queue';

/**
 * Who is running a job, told by PostgreSQL itself: the handler holds two session advisory locks
 * on its own connection, the job's lease and its scope's lock. When the worker dies (kill -9,
 * a lost machine, a database restart) its connection closes and PostgreSQL drops both at once,
 * so an active job whose lease is free has no worker: the sweep releases it for a retry within
 * seconds, instead of waiting for pg-boss's hours-long expiry.
 */
const leaseLockClass = 724_311_903;
const scopeLockClass = 724_311_904;

export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(
      `the lease of job ${jobId} was lost (its database connection closed): another worker may run it`,
    );
    this.name = 'LeaseLostError';
  }
}

export class ScopeBusyError extends Error {
  constructor(scopeLock: string) {
    super(`another worker is running ${scopeLock}: retried later`);
    this.name = 'ScopeBusyError';
  }
}

export class JobLease {
  private lost = false;

  private constructor(
    private readonly client: Client,
    readonly jobId: string,
    /** Backend pid of the lease connection, to find its locks in pg_locks. */
    readonly backendPid: number,
  ) {}

  /**
   * Takes the job's lease, then waits up to `scopeWaitMs` for the scope (a job of the same scope
   * running elsewhere finishes first); throws ScopeBusyError when it does not free up. `stop`
   * gives the lease up, waiting or held: the holder then fails its next `assertHeld`.
   */
  static async acquire(
    databaseUrl: string,
    jobId: string,
    scopeLock: string,
    scopeWaitMs: number,
    logger: Logger,
    stop?: AbortSignal,
  ): Promise<JobLease> {
    if (stop?.aborted === true) throw new Error(`job ${jobId} not started: the worker is stopping`);
    const client = new Client({
      connectionString: databaseUrl,
      application_name: 'rework-radar-job-lease',
    });
    const endOnStop = (): void => void client.end().catch(() => undefined);
    stop?.addEventListener('abort', endOnStop, { once: true });
    client.on('end', () => stop?.removeEventListener('abort', endOnStop));
    let lease: JobLease | undefined;
    // An 'error' event without a listener would crash the worker when the database restarts.
    client.on('error', (error) => {
      logger.warn({ err: error, jobId }, 'job lease connection lost');
      if (lease !== undefined) lease.lost = true;
    });
    client.on('end', () => {
      if (lease !== undefined) lease.lost = true;
    });
    await client.connect();
    try {
      const [session] = (
        await client.query<{ pid: number; version: number }>(
          "SELECT pg_backend_pid() AS pid, current_setting('server_version_num')::int AS version",
        )
      ).rows;
      // A backend blocked on a lock notices its client gone only with this check (PostgreSQL 14+):
      // without it a stopped or killed worker's lease would wait on for the whole scope wait.
      if ((session?.version ?? 0) >= 140000)
        await client.query('SET client_connection_check_interval = 500');
      await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [leaseLockClass, jobId]);
      lease = new JobLease(client, jobId, session?.pid ?? 0);
      await client.query(`SET lock_timeout = ${Math.max(1, Math.round(scopeWaitMs))}`);
      try {
        await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [
          scopeLockClass,
          scopeLock,
        ]);
      } catch (error) {
        if ((error as { code?: string }).code === '55P03') throw new ScopeBusyError(scopeLock);
        throw error;
      }
      return lease;
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  get isLost(): boolean {
    return this.lost;
  }

  /** Throws when the lease connection is gone: called before each commit of a sync. */
  assertHeld(): void {
    if (this.lost) throw new LeaseLostError(this.jobId);
  }

  async release(): Promise<void> {
    // Closing the session drops both locks; no unlock round trips needed.
    await this.client.end().catch(() => undefined);
  }
}

/** SQL fragment: true when `pid` holds the lease of job `$id` (for checks inside another transaction). */
export const leaseHeldSql = (pidParam: string, idParam: string): string =>
  `EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = ${leaseLockClass}::oid
     AND objid = hashtext(${idParam})::oid AND objsubid = 2 AND pid = ${pidParam})`;

/** pg-boss's `db` option over one client, so its commands join our transaction. */
export function bossDbOver(client: {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => {
      const result = await client.query(text, values);
      return { rows: result.rows as never[] };
    },
  };
}

/**
 * Releases active jobs whose worker is gone (their lease is free) for a retry. Rows are locked
 * while checked, so a job fetched again meanwhile is not touched. Returns the released job ids.
 */
export async function releaseOrphanedJobs(
  pool: Pool,
  boss: PgBoss,
  graceSeconds: number,
): Promise<string[]> {
  const client: PoolClient = await pool.connect();
  const released: string[] = [];
  try {
    await client.query('BEGIN');
    const active = await client.query<{ id: string; name: string }>(
      `SELECT id::text AS id, name FROM ${queueSchema}.job
       WHERE name = ANY($1) AND state = 'active' AND started_on < now() - make_interval(secs => $2)
       FOR UPDATE SKIP LOCKED`,
      [jobQueues, graceSeconds],
    );
    for (const job of active.rows) {
      const free = await client.query<{ free: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS free',
        [leaseLockClass, job.id],
      );
      if (free.rows[0]?.free !== true) continue;
      await boss.fail(
        job.name,
        job.id,
        { message: 'worker lost (its lease was free): released for a retry' },
        { db: bossDbOver(client) },
      );
      released.push(job.id);
    }
    await client.query('COMMIT');
    return released;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
