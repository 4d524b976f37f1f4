import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createApp } from '../app.factory';
import { parseConfig } from '../config/app-config';
import { saveGithubConnection } from '../connections/connection.store';
import { loadKeyRing } from '../secrets/key-ring.loader';
import { silentLogger } from '../testing/silent-logger';
import { createMigratedDataSource, type TestDatabase } from '../testing/test-database';
import { startWorker } from './job-worker';

/**
 * What a worker queues on its own when it starts, on the real queue. The sources are a local
 * server that refuses every request (401), so the queued syncs fail at once: what matters here is
 * what was queued, not what the sync fetched.
 */
describe('a worker keeps the configured sources synced', () => {
  let refusing: Server;
  let fakeUrl: string;
  let database: TestDatabase;
  let dataSource: DataSource;
  let dataDir: string;

  beforeAll(async () => {
    refusing = createServer((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"message":"Bad credentials"}');
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    fakeUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => refusing.close(resolve));
  });

  beforeEach(async () => {
    ({ dataSource, database } = await createMigratedDataSource());
    dataDir = mkdtempSync(join(tmpdir(), 'rr-schedule-'));
  });

  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const configWith = (env: Record<string, string> = {}) =>
    parseConfig({ DATABASE_URL: database.url, DATA_DIR: dataDir, ...env }, '/tmp');
  const githubEnv = () => ({
    GITHUB_TOKEN: 'ghp_fake',
    GITHUB_ORG: 'acme',
    GITHUB_API_URL: fakeUrl,
  });
  const jiraEnv = () => ({ JIRA_BASE_URL: fakeUrl, JIRA_PAT: 'fake', JIRA_PROJECTS: 'PAY' });
  // No retries: a refused sync fails at once instead of waiting for its backoff.
  const jobsEnv = {
    JOBS_RETRY_LIMIT: '0',
    JOBS_POLL_SECONDS: '0.5',
    JOBS_STOP_TIMEOUT_SECONDS: '1',
  };

  /** The sync jobs in pg-boss's tables, as `queue scope`. */
  async function syncJobs(): Promise<string[]> {
    const [queue] = await dataSource.query<{ installed: boolean }[]>(
      `SELECT to_regclass('pgboss.job') IS NOT NULL AS installed`,
    );
    if (queue?.installed !== true) return [];
    const rows = await dataSource.query<{ job: string }[]>(
      `SELECT name || ' ' || singleton_key AS job FROM pgboss.job WHERE name IN ('sync-github', 'sync-jira')
       UNION ALL SELECT name || ' ' || singleton_key FROM pgboss.archive WHERE name IN ('sync-github', 'sync-jira')`,
    );
    return rows.map((row) => row.job).sort();
  }

  /** Until the queued syncs have failed against the refusing server, so stopping interrupts none. */
  async function syncsSettled(): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const open = await dataSource.query<{ count: string }[]>(
        `SELECT count(*)::text AS count FROM pgboss.job WHERE name IN ('sync-github', 'sync-jira') AND state IN ('created', 'retry', 'active')`,
      );
      if (open[0]?.count === '0') return;
      if (Date.now() > deadline) throw new Error('the queued syncs never settled');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Starts a worker the way the CLI and the api do, lets what it queued settle, stops it. */
  async function startAndStopWorker(env: Record<string, string>): Promise<string[]> {
    const config = configWith(env);
    const worker = await startWorker({
      config,
      databaseUrl: database.url,
      settings: config.jobs,
      logger: silentLogger(),
    });
    try {
      const queued = await syncJobs();
      await syncsSettled();
      return queued;
    } finally {
      await worker.stop();
    }
  }

  async function recordSync(
    queue: string,
    scope: string,
    outcome: 'completed' | 'failed',
    minutesAgo: number,
  ): Promise<void> {
    await dataSource.query(
      `INSERT INTO job_run (job_id, queue, scope, worker, started_at, finished_at, outcome)
       VALUES ($1, $2, $3, 'an earlier worker', now() - make_interval(mins => $4 + 1), now() - make_interval(mins => $4), $5)`,
      [randomUUID(), queue, scope, minutesAgo, outcome],
    );
  }

  it('queues a sync at start when GitHub is configured and nothing was synced yet', async () => {
    expect(await startAndStopWorker({ ...githubEnv(), ...jobsEnv })).toEqual(['sync-github org']);
  });

  it('queues none at start when the last sync completed within the interval', async () => {
    await recordSync('sync-github', 'org', 'completed', 5);
    expect(await startAndStopWorker({ ...githubEnv(), ...jobsEnv })).toEqual([]);
  });

  it('queues one when the last completed sync is older than the interval, whatever failed since', async () => {
    await recordSync('sync-github', 'org', 'completed', 31);
    await recordSync('sync-github', 'org', 'failed', 1);
    expect(
      await startAndStopWorker({ ...githubEnv(), ...jobsEnv, JOBS_SYNC_EVERY_MINUTES: '30' }),
    ).toEqual(['sync-github org']);
  });

  it('queues only the scopes not synced within the interval, such as a Jira project added since', async () => {
    await recordSync('sync-github', 'org', 'completed', 5);
    expect(await startAndStopWorker({ ...githubEnv(), ...jiraEnv(), ...jobsEnv })).toEqual([
      'sync-jira project:PAY',
    ]);
  });

  it('syncs a connection saved in Settings as one from the environment', async () => {
    const config = configWith();
    await saveGithubConnection(
      dataSource.manager,
      loadKeyRing(config),
      { apiUrl: fakeUrl, token: 'ghp_fake', org: 'acme', repos: [] },
      'admin@example.com',
    );
    expect(await startAndStopWorker(jobsEnv)).toEqual(['sync-github org']);
  });

  it('queues nothing for the demo (no connection), nor with JOBS_SYNC_EVERY_MINUTES=off', async () => {
    expect(configWith().demo).toBe(true);
    expect(await startAndStopWorker(jobsEnv)).toEqual([]);
    expect(
      await startAndStopWorker({ ...githubEnv(), ...jobsEnv, JOBS_SYNC_EVERY_MINUTES: 'off' }),
    ).toEqual([]);
  });

  it('is run by the api itself on an external database, unless WORKER_IN_API=false', async () => {
    const startApi = async (env: Record<string, string>) => {
      const app = await createApp(
        configWith({ WEB_DIST_DIR: '/nonexistent', ...githubEnv(), ...jobsEnv, ...env }),
        { engine: 'external', url: database.url, close: () => Promise.resolve() },
        silentLogger(),
      );
      await app.init();
      return app;
    };
    const separate = await startApi({ WORKER_IN_API: 'false' });
    try {
      expect(await syncJobs()).toEqual([]);
    } finally {
      await separate.close();
    }
    const whole = await startApi({});
    try {
      expect(await syncJobs()).toEqual(['sync-github org']);
      await syncsSettled();
    } finally {
      await whole.close();
    }
  });
});
