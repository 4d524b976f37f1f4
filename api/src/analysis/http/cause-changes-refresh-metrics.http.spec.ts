import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { metricsResponseSchema, reworkDetailSchema } from '@rework-radar/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../app.factory';
import { APP_CONFIG } from '../../app.tokens';
import { parseConfig, type AppConfig } from '../../config/app-config';
import { JobLease } from '../../jobs/job-lease';
import { scopeOf } from '../../jobs/job-kinds';
import { JobQueueHolder } from '../../jobs/job-queue.holder';
import { startWorker, type RunningWorker } from '../../jobs/job-worker';
import { parseJobsSettings } from '../../jobs/jobs-env';
import { refreshMetricRollups } from '../../metrics/refresh-metric-rollups';
import { silentLogger } from '../../testing/silent-logger';
import { startTestApp } from '../../testing/test-app';
import { bearerHeaders } from '../../testing/test-auth';
import { createMigratedDataSource, type TestDatabase } from '../../testing/test-database';
import { until } from '../../testing/until';
import { defaultAnalysisConfig } from '../core';

/**
 * Seven rework items of January 2025, three attributed to missing context (#0-#2) and four to
 * execution (#3-#6): the dashboard's missing-context share of rework starts at 3/7.
 */
const itemId = (index: number): string => `revert:github:acme/api#${100 + index}`;

async function seed(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO analysis_model (version, weights, origin, metrics, created_at) VALUES (1, $1, 'configured', NULL, now())`,
    [JSON.stringify(defaultAnalysisConfig.signalWeights)],
  );
  for (let index = 0; index < 7; index += 1) {
    const id = itemId(index);
    await dataSource.query(
      `INSERT INTO rework_item (id, kind, repository_id, rework_pull_request_ids, rework_work_item_keys, incident_id, origin_pull_request_ids,
         origin_work_item_keys, detection_rule, detection, effort_pull_requests, effort_lines, effort_cycle_hours, occurred_at, detected_at, model_version)
       VALUES ($1, 'revert', 'github:acme/api', $2, '{}', NULL, $3, '{}', 'revert:title', '{"rules":[],"facts":[],"links":[]}', 1, 10, 2, $4, $4, 1)`,
      [
        id,
        [`github:acme/api#${100 + index}`],
        [`github:acme/api#${index + 1}`],
        new Date(Date.UTC(2025, 0, 10 + index)),
      ],
    );
    await dataSource.query(
      `INSERT INTO cause_attribution (id, rework_item_id, model_version, cause, confidence, score_missing_context, score_execution, reason, evidence)
       VALUES ($1 || '@v1', $1, 1, $2, 0.8, 2, 0.5, 'decided', '[]')`,
      [id, index < 3 ? 'missing_context' : 'execution'],
    );
  }
}

describe('a changed cause reaches the metrics through one queued rollup refresh', () => {
  let app: INestApplication;
  let auth: { Authorization: string };
  let database: TestDatabase;
  let dataSource: DataSource;
  const server = () => app.getHttpServer() as Server;

  beforeAll(async () => {
    ({ dataSource, database } = await createMigratedDataSource());
    await seed(dataSource);
    await refreshMetricRollups(dataSource, silentLogger());
    // An external database and no WORKER_IN_API: the api only queues, as beside separate workers.
    app = await startTestApp(database.url);
    auth = await bearerHeaders(app);
  });

  afterAll(async () => {
    await app.close();
    await dataSource.destroy();
    await database.drop();
  });

  /** January's missing-context share of rework, as the overview reads it (rollups only). */
  async function missingContextShare(on: INestApplication = app): Promise<number | null> {
    const response = await request(on.getHttpServer() as Server)
      .get('/api/metrics')
      .query({
        period: 'month',
        from: '2025-01-01',
        to: '2025-02-01',
        metric: 'context-missing-context-rework-share',
      })
      .set(auth)
      .expect(200);
    const [january] = metricsResponseSchema.parse(response.body).values;
    return january?.value ?? null;
  }

  const override = (index: number, cause: 'missing_context' | 'execution') =>
    request(server())
      .post(`/api/rework/${encodeURIComponent(itemId(index))}/override`)
      .set(auth)
      .send({ cause, reason: 'read the ticket again' })
      .expect(200);

  /** The refresh jobs in pg-boss's table (none before the api first queued a job). */
  async function refreshJobs(): Promise<{ id: string; state: string }[]> {
    const [queue] = await dataSource.query<{ installed: boolean }[]>(
      `SELECT to_regclass('pgboss.job') IS NOT NULL AS installed`,
    );
    if (queue?.installed !== true) return [];
    return dataSource.query<{ id: string; state: string }[]>(
      `SELECT id::text AS id, state::text AS state FROM pgboss.job WHERE name = 'refresh-rollups' ORDER BY created_on`,
    );
  }
  const waitingRefreshes = async () =>
    (await refreshJobs()).filter((job) => job.state === 'created' || job.state === 'retry');

  const startSpecWorker = (): Promise<RunningWorker> =>
    startWorker({
      config: app.get<AppConfig>(APP_CONFIG),
      databaseUrl: database.url,
      settings: parseJobsSettings({ JOBS_POLL_SECONDS: '0.5', JOBS_RETRY_LIMIT: '0' }),
      logger: silentLogger(),
    });

  /** Until every refresh job has finished; each must have completed, none failed. */
  async function refreshesDone(): Promise<void> {
    await until('the queued refresh to finish', async () =>
      (await refreshJobs()).every((job) => job.state === 'completed' || job.state === 'failed'),
    );
    expect((await refreshJobs()).filter((job) => job.state !== 'completed')).toEqual([]);
  }

  async function runQueuedRefreshes(): Promise<void> {
    const worker = await startSpecWorker();
    try {
      await refreshesDone();
    } finally {
      await worker.stop();
    }
  }

  it('shows the new missing-context share once the refresh queued by an override has run', async () => {
    const before = await missingContextShare();
    expect(before).toBeCloseTo(3 / 7);
    const response = await override(0, 'execution');
    // The answer is the item's detail, as before the refresh existed.
    expect(reworkDetailSchema.parse(response.body).cause).toBe('execution');
    // The request did not refresh the rollups itself: a worker will.
    expect(await missingContextShare()).toBe(before);
    expect(await waitingRefreshes()).toHaveLength(1);
    await runQueuedRefreshes();
    expect(await missingContextShare()).toBeCloseTo(2 / 7);
  });

  it('queues one refresh for a burst of overrides, and that refresh carries them all', async () => {
    expect(await waitingRefreshes()).toEqual([]);
    await Promise.all([
      override(1, 'execution'),
      override(2, 'execution'),
      override(3, 'missing_context'),
    ]);
    await override(1, 'execution');
    expect(await waitingRefreshes()).toHaveLength(1);
    await runQueuedRefreshes();
    expect(await missingContextShare()).toBeCloseTo(1 / 7);
  });

  it('waits while the after-sync steps run, since they write the same rollups', async () => {
    await override(4, 'missing_context');
    const [queued] = await waitingRefreshes();
    // What a running after-sync job holds: the lock of its scope.
    const afterSync = await JobLease.acquire(
      database.url,
      'a running after-sync job',
      scopeOf({ queue: 'after-sync', data: {} }),
      1000,
      silentLogger(),
    );
    const worker = await startSpecWorker();
    try {
      await until('the worker to take the refresh', async () =>
        (await refreshJobs()).some((job) => job.id === queued?.id && job.state !== 'created'),
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await refreshJobs()).find((job) => job.id === queued?.id)?.state).toBe('active');
      expect(await missingContextShare()).toBeCloseTo(1 / 7);
      await afterSync.release();
      await refreshesDone();
    } finally {
      await afterSync.release();
      await worker.stop();
    }
    expect(await missingContextShare()).toBeCloseTo(2 / 7);
  });

  it('still records an override when the queue cannot be reached', async () => {
    const holder = app.get(JobQueueHolder);
    const unreachable = jest
      .spyOn(holder, 'get')
      .mockRejectedValue(new Error('pg-boss could not start'));
    try {
      const response = await override(5, 'missing_context');
      expect(reworkDetailSchema.parse(response.body).cause).toBe('missing_context');
      expect(unreachable).toHaveBeenCalled();
    } finally {
      unreachable.mockRestore();
    }
    expect(await waitingRefreshes()).toEqual([]);
    // Stale until the next refresh.
    expect(await missingContextShare()).toBeCloseTo(2 / 7);
  });

  it('queues the refresh after a model activation, and none after a refused one', async () => {
    // Version 1 (the configured weights) is the one the items were attributed with.
    await request(server())
      .post('/api/analysis/models/9/activate')
      .set(auth)
      .send({ scope: 'global' })
      .expect(404);
    expect(await waitingRefreshes()).toEqual([]);
    await request(server())
      .post('/api/analysis/models/1/activate')
      .set(auth)
      .send({ scope: 'global' })
      .expect(200);
    expect(await waitingRefreshes()).toHaveLength(1);
    await runQueuedRefreshes();
    // The refresh also catches up with the override queued nothing for.
    expect(await missingContextShare()).toBeCloseTo(3 / 7);
  });

  it('is run by the api itself on the embedded database, as `npm start` runs', async () => {
    const embedded = await createApp(
      parseConfig({ WEB_DIST_DIR: '/nonexistent' }, '/tmp'),
      { engine: 'embedded', url: database.url, close: () => Promise.resolve() },
      silentLogger(),
    );
    await embedded.init();
    try {
      await request(embedded.getHttpServer() as Server)
        .post(`/api/rework/${encodeURIComponent(itemId(6))}/override`)
        .set(auth)
        .send({ cause: 'missing_context', reason: 'read the ticket again' })
        .expect(200);
      await until('the api to refresh the rollups', async () => {
        const share = await missingContextShare(embedded);
        return share !== null && Math.abs(share - 4 / 7) < 1e-9;
      });
      await refreshesDone();
    } finally {
      await embedded.close();
    }
  }, 60_000);
});
