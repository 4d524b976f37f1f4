import { hostname } from 'node:os';
import { Pool } from 'pg';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { runMigrations } from '../database/migration-runner';
import { jobQueues, parseJobRequest, scopeOf } from './job-kinds';
import { runJob, type JobOutput } from './job-handlers';
import { JobLease, releaseOrphanedJobs } from './job-lease';
import { JobQueue } from './job-queue';
import { completeRun, recordRunFailure, recordRunStart } from './job-run.store';
import type { JobsSettings } from './jobs-env';
import { startSyncSchedule, type SyncSchedule } from './sync-scheduler';
import { withStoredConnections } from '../connections/effective-config';
import { loadKeyRing } from '../secrets/key-ring.loader';

export interface WorkerOptions {
  config: Pick<AppConfig, 'github' | 'jira' | 'dataDir' | 'analysis' | 'secretsKeys' | 'demo'>;
  databaseUrl: string;
  settings: JobsSettings;
  logger: Logger;
}

export interface RunningWorker {
  /** host:pid, as recorded in job_run. */
  name: string;
  /** Stops fetching, lets running jobs finish for the stop timeout, then releases them for a retry. */
  stop(): Promise<void>;
}

/** How long a job waits for its scope's lock (a job of the same scope running elsewhere) before retrying later. */
const scopeWaitMs = 60_000;

/**
 * A worker: works every queue (one job per queue at a time), sweeps orphaned jobs, records each
 * attempt, and queues the scheduled syncs (JOBS_SYNC_EVERY_MINUTES). Several workers on one or
 * many machines share the queue through PostgreSQL.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { settings, logger } = options;
  const name = `${hostname()}:${process.pid}`;
  const dataSource = new DataSource(dataSourceOptions(options.databaseUrl));
  const keyRing = loadKeyRing(options.config);
  await dataSource.initialize();
  // Connections saved in settings apply from the next job (and scheduled sync) on, without restarting workers.
  const connections = () => withStoredConnections(options.config, dataSource.manager, keyRing);
  await runMigrations(dataSource);
  const queue = await JobQueue.start(options.databaseUrl, settings, logger, true);
  const sweepPool = new Pool({
    connectionString: options.databaseUrl,
    max: 1,
    application_name: 'rework-radar-job-sweep',
  });
  sweepPool.on('error', (error) => logger.warn({ err: error }, 'job sweep connection lost'));

  const stopping = new AbortController();
  const running = new Set<Promise<JobOutput>>();
  const handle = async (job: PgBoss.Job): Promise<JobOutput> => {
    const request = parseJobRequest(job.name, job.data);
    const scope = scopeOf(request);
    // Locked by scope alone, not queue and scope: the after-sync steps, a re-analysis and a rollup
    // refresh share the scope `all` because they write the same tables, so one waits for the other.
    const lease = await JobLease.acquire(
      options.databaseUrl,
      job.id,
      scope,
      scopeWaitMs,
      logger,
      stopping.signal,
    );
    try {
      const runId = await recordRunStart(dataSource, {
        jobId: job.id,
        queue: job.name,
        scope,
        worker: name,
      });
      try {
        logger.info({ queue: job.name, scope, jobId: job.id }, 'job started');
        const output = await runJob(request, {
          dataSource,
          config: await connections(),
          logger,
          queue,
          assertLeaseHeld: () => lease.assertHeld(),
        });
        await completeRun(
          dataSource,
          queue.boss,
          lease,
          { name: job.name, id: job.id },
          runId,
          output,
        );
        logger.info({ queue: job.name, scope, jobId: job.id, output }, 'job completed');
        return output;
      } catch (error) {
        logger.warn(
          { err: error, queue: job.name, scope, jobId: job.id },
          'job failed (retried with backoff while retries remain)',
        );
        await recordRunFailure(dataSource, runId, error).catch(() => undefined);
        throw error;
      }
    } finally {
      await lease.release();
    }
  };

  let jobsStarted = 0;
  for (const queueName of jobQueues) {
    await queue.boss.work<object>(
      queueName,
      { pollingIntervalSeconds: settings.pollSeconds, batchSize: 1 },
      async ([job]) => {
        if (job === undefined) return undefined;
        const run = handle(job);
        jobsStarted += 1;
        running.add(run);
        try {
          return await run;
        } finally {
          running.delete(run);
        }
      },
    );
  }

  let sweeping = false;
  const sweep = async (): Promise<void> => {
    if (sweeping) return;
    sweeping = true;
    try {
      const released = await releaseOrphanedJobs(
        sweepPool,
        queue.boss,
        settings.orphanGraceSeconds,
      );
      if (released.length > 0) logger.info({ released }, 'released jobs whose worker is gone');
    } catch (error) {
      logger.warn({ err: error }, 'orphaned job sweep failed (tried again shortly)');
    } finally {
      sweeping = false;
    }
  };
  const sweepTimer = setInterval(
    () => void sweep(),
    Math.max(1000, (settings.orphanGraceSeconds * 1000) / 2),
  );

  const schedule: SyncSchedule | undefined =
    settings.syncEveryMinutes === null
      ? undefined
      : await startSyncSchedule({
          everyMinutes: settings.syncEveryMinutes,
          dataSource,
          queue,
          connections,
          logger,
        });

  logger.info({ worker: name, queues: jobQueues }, 'worker started');
  return {
    name,
    stop: async () => {
      // Jobs that had ended when stopping began: any beyond them was running or started since.
      const endedBeforeStop = jobsStarted - running.size;
      clearInterval(sweepTimer);
      schedule?.stop();
      await queue.stop({ timeout: settings.stopTimeoutSeconds * 1000 });
      // A job still running now was failed by pg-boss for a retry. Giving up its lease stops it at
      // its next commit, or at once while it waits for its scope, instead of it running on alone.
      stopping.abort();
      await settledWithin([...running], settings.stopTimeoutSeconds * 1000);
      await sweepPool.end().catch(() => undefined);
      await dataSource.destroy().catch(() => undefined);
      // Without its connections a job still running fails at its next query.
      await settledWithin([...running], settings.stopTimeoutSeconds * 1000);
      // pg-boss checks once a second, after its stop() has returned, whether every worker loop has
      // ended (a loop ends with its job). When a job was running, outwaiting one check keeps that
      // timer from outliving this worker: in tests it fired into the next test file.
      // A fetch under way when stopping began can still start a job.
      if (jobsStarted > endedBeforeStop)
        await new Promise((resolve) => setTimeout(resolve, pgBossWorkerCheckMs + 250));
      logger.info({ worker: name }, 'worker stopped');
    },
  };
}

/** How often pg-boss 10's `offWork` checks that stopped workers have finished their job. */
const pgBossWorkerCheckMs = 1000;

/** Waits for the promises to settle, or for `ms`, whichever comes first. */
async function settledWithin(promises: readonly Promise<unknown>[], ms: number): Promise<void> {
  if (promises.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled(promises),
    new Promise((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}
