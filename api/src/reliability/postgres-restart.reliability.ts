import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { runMigrations } from '../database/migration-runner';
import {
  startThrowawayServer,
  stopThrowawayServer,
  type ThrowawayServer,
} from '../testing/postgres-server';
import { startAppOn, type RunningApp } from './in-process-app';
import { createDatabaseOn, restartServer } from './postgres-restart';
import { printFigure, readJobs, readRuns, resultSnapshot, waitForQueueIdle } from './queue-audit';
import { startSimulatedOrg, type SimulatedOrg } from './simulated-org';
import { enqueueSyncOf, scratchDir } from './sync-run';
import {
  assertWorkerBuilt,
  spawnWorker,
  stopWorker,
  waitForWorkerReady,
  type WorkerProcess,
} from './worker-process';

/**
 * PostgreSQL restarted (pg_ctl restart) in the middle of a sync, on a server of its own so the
 * other specs are not disturbed: the api and the worker processes reconnect and finish, with
 * the same rows as an undisturbed sync.
 */
describe('PostgreSQL restarted mid-sync', () => {
  let server: ThrowawayServer;
  let org: SimulatedOrg;
  const scratch = scratchDir('rr-restart-');
  const sources: DataSource[] = [];
  const workers: WorkerProcess[] = [];
  let app: RunningApp | undefined;

  beforeAll(async () => {
    assertWorkerBuilt();
    server = await startThrowawayServer();
    org = await startSimulatedOrg({
      repositories: 6,
      pullRequestsPerRepository: 40,
      issues: 150,
      projects: ['ENG', 'OPS', 'WEB'],
      slowMs: 30,
    });
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => stopWorker(worker, 5000)));
    await app?.close().catch(() => undefined);
    for (const source of sources) await source.destroy().catch(() => undefined);
    await org.stop();
    stopThrowawayServer(server);
    rmSync(scratch, { recursive: true, force: true });
  });

  async function open(url: string): Promise<DataSource> {
    const source = new DataSource(dataSourceOptions(url));
    await source.initialize();
    await runMigrations(source);
    sources.push(source);
    return source;
  }

  async function worker(env: Record<string, string>, name: string): Promise<WorkerProcess> {
    const log = join(scratch, `${name}.log`);
    const process = spawnWorker(env, log);
    workers.push(process);
    await waitForWorkerReady(log);
    return process;
  }

  it('reconnects the api and the workers, which finish with the same rows as an undisturbed sync', async () => {
    const referenceUrl = await createDatabaseOn(server, 'rr_restart_reference');
    const reference = await open(referenceUrl);
    const referenceEnv = org.env(referenceUrl, join(scratch, 'data-reference'));
    const clean = await worker(referenceEnv, 'reference');
    await enqueueSyncOf(referenceEnv);
    await waitForQueueIdle(reference, 600_000);
    await stopWorker(clean);
    const expected = await resultSnapshot(reference);

    const url = await createDatabaseOn(server, 'rr_restart');
    const database = await open(url);
    const env = org.env(url, join(scratch, 'data'));
    const running = [await worker(env, 'worker-1'), await worker(env, 'worker-2')];
    const { DATABASE_URL: _url, LOG_LEVEL: _level, DATA_DIR: dataDir, ...connections } = env;
    app = await startAppOn(url, { ...connections, DATA_DIR: dataDir ?? scratch });
    const queued = await fetch(`${app.baseUrl}/api/sync`, { method: 'POST', headers: app.auth });
    expect(queued.status).toBe(202);

    // Restart once the sync is well under way: several jobs running, some rows written.
    const deadline = Date.now() + 120_000;
    while ((await readRuns(database)).filter((run) => run.finishedAt === null).length < 2) {
      if (Date.now() > deadline) throw new Error('the sync never got going');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const runningAtRestart = (await readRuns(database))
      .filter((run) => run.finishedAt === null)
      .map((run) => `${run.queue}:${run.scope}`);
    const restartStarted = Date.now();
    const restartMs = restartServer(server);

    await waitForQueueIdle(database, 600_000);
    const finishMs = Date.now() - restartStarted;
    const jobs = await readJobs(database);
    const runs = await readRuns(database);
    expect(jobs.filter((job) => job.state !== 'completed')).toEqual([]);
    for (const job of jobs)
      expect(
        runs.filter((run) => run.jobId === job.id && run.outcome === 'completed'),
      ).toHaveLength(1);
    expect(await resultSnapshot(database)).toEqual(expected);
    // The workers survived the restart (no crash on the lost connections).
    for (const process of running) expect(process.child.exitCode).toBeNull();

    // The api reconnected too: it reads the status and queues another sync.
    const status = await fetch(`${app.baseUrl}/api/sync/status`, { headers: app.auth });
    expect(status.status).toBe(200);
    const health = await fetch(`${app.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    const again = await fetch(`${app.baseUrl}/api/sync`, { method: 'POST', headers: app.auth });
    expect(again.status).toBe(202);
    await waitForQueueIdle(database, 600_000);

    printFigure('restart: jobs running at the restart', runningAtRestart.join(', '));
    printFigure('restart: pg_ctl restart took (ms)', restartMs);
    printFigure('restart: queue drained after the restart (s)', (finishMs / 1000).toFixed(1));
    printFigure(
      'restart: attempts interrupted or failed by the restart',
      runs.filter((run) => run.outcome !== 'completed').length,
    );
    printFigure('restart: jobs (all completed once)', jobs.length);
  });
});
