import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { parseConfig } from '../config/app-config';
import { silentLogger } from '../testing/silent-logger';
import { createMigratedDataSource, type TestDatabase } from '../testing/test-database';
import { until } from '../testing/until';
import { scopeOf } from './job-kinds';
import { JobLease } from './job-lease';
import { JobQueue } from './job-queue';
import { startWorker } from './job-worker';

/** Stopping a worker on the real queue while a job is still running. */
describe('a stopped worker', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let dataDir: string;

  beforeEach(async () => {
    ({ dataSource, database } = await createMigratedDataSource());
    dataDir = mkdtempSync(join(tmpdir(), 'rr-worker-stop-'));
  });
  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Backend pids of job leases: connections that hold or wait for a job's locks. */
  const leaseConnections = async (): Promise<number[]> =>
    (
      await dataSource.query<{ pid: number }[]>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = 'rework-radar-job-lease' ORDER BY pid`,
      )
    ).map((row) => row.pid);

  it('gives up the lease of a job still waiting for its scope, and leaves the job to a retry', async () => {
    const env = {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      JOBS_POLL_SECONDS: '0.5',
      JOBS_STOP_TIMEOUT_SECONDS: '1',
      JOBS_SYNC_EVERY_MINUTES: 'off',
    };
    const config = parseConfig(env, tmpdir());
    // Another worker's after-sync steps hold the scope the re-analysis needs.
    const elsewhere = await JobLease.acquire(
      database.url,
      'a running after-sync job',
      scopeOf({ queue: 'after-sync', data: {} }),
      1000,
      silentLogger(),
    );
    try {
      const queue = await JobQueue.start(database.url, config.jobs, silentLogger(), false);
      try {
        await queue.enqueue({ queue: 'reanalyse', data: {} });
      } finally {
        await queue.stop({ timeout: 1000 });
      }
      const worker = await startWorker({
        config,
        databaseUrl: database.url,
        settings: config.jobs,
        logger: silentLogger(),
      });
      await until('the re-analysis to wait for its scope', async () => {
        const pids = await leaseConnections();
        return pids.length === 2;
      });
      await worker.stop();

      // Only the other worker's lease is left: the stopped worker's job no longer waits (for up
      // to a minute) beside the retry pg-boss gives it. The server drops a closed session shortly.
      await until(
        'the stopped job to give up its lease',
        async () => {
          const pids = await leaseConnections();
          return pids.length === 1 && pids[0] === elsewhere.backendPid;
        },
        10_000,
      );
      const [job] = await dataSource.query<{ state: string }[]>(
        `SELECT state FROM pgboss.job WHERE name = 'reanalyse'`,
      );
      expect(job?.state).toBe('retry');
    } finally {
      await elsewhere.release();
    }
  }, 30_000);
});
