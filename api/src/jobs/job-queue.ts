import { Client } from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { jobQueues, scopeOf, type JobQueueName, type JobRequest } from './job-kinds';
import type { JobsSettings } from './jobs-env';

/** pg-boss keeps its tables in this schema of the app's database, created and migrated by `start()`. */
export const queueSchema = 'pgboss';

/** Longest a job may stay active before pg-boss itself gives up on it (the lease sweep is much faster). */
const expireInSeconds = 4 * 60 * 60;

export interface EnqueuedJob {
  queue: JobQueueName;
  scope: string;
  /** null when a job for the same scope was already waiting (nothing new queued). */
  id: string | null;
}

/**
 * The PostgreSQL-backed queue. Each queue uses pg-boss's `short` policy keyed by scope: at most
 * one job per scope waits. Why not `singleton`/`stately`: in pg-boss 10 their unique index makes
 * the fetch of a waiting job fail while the same scope is active, which stalls the whole queue
 * behind it. Running exclusion is the scope lock in `job-lease.ts` instead.
 */
export class JobQueue {
  private constructor(
    readonly boss: PgBoss,
    private readonly logger: Logger,
  ) {}

  /**
   * Connects, installs or migrates the `pgboss` schema (pg-boss's own migrations, under its
   * advisory lock, safe from several processes at once) and creates the queues.
   * @param maintenance true in workers: pg-boss's expiry and archiving run there, not in the api
   */
  static async start(
    databaseUrl: string,
    settings: JobsSettings,
    logger: Logger,
    maintenance: boolean,
  ): Promise<JobQueue> {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      schema: queueSchema,
      application_name: 'rework-radar-jobs',
      max: 4,
      migrate: true,
      supervise: maintenance,
      schedule: false,
      maintenanceIntervalSeconds: 30,
    });
    // Without a listener pg-boss errors (a database restart, for one) would crash the process.
    boss.on('error', (error) =>
      logger.warn({ err: error }, 'job queue error (pg-boss retries on its own)'),
    );
    await boss.start();
    // Several processes starting together deadlock inside pg-boss's createQueue (each creates the
    // queue's partition): one process at a time, under a session advisory lock.
    const lock = new Client({ connectionString: databaseUrl });
    await lock.connect();
    try {
      await lock.query(`SELECT pg_advisory_lock(hashtext('rework-radar:create-queues'))`);
      for (const name of jobQueues) {
        const options: PgBoss.Queue = {
          name,
          policy: 'short',
          retryLimit: settings.retryLimit,
          retryDelay: settings.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds,
        };
        await boss.createQueue(name, options);
        await boss.updateQueue(name, options);
      }
    } finally {
      // Ending the session releases the lock too, whatever happened above.
      await lock.end();
    }
    return new JobQueue(boss, logger);
  }

  /** Queues a job unless one for the same scope is already waiting. */
  async enqueue(request: JobRequest): Promise<EnqueuedJob> {
    const scope = scopeOf(request);
    const id = await this.boss.send(request.queue, request.data, { singletonKey: scope });
    this.logger.debug(
      { queue: request.queue, scope, id },
      id === null ? 'job already waiting' : 'job queued',
    );
    return { queue: request.queue, scope, id };
  }

  async stop(options: PgBoss.StopOptions = {}): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, ...options });
  }
}
