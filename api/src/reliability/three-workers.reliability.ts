import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  overlappingRuns,
  printFigure,
  readRuns,
  resultSnapshot,
  waitForQueueIdle,
  type AuditedJob,
  type AuditedRun,
} from './queue-audit';
import { enqueueSyncOf } from './sync-run';
import { useWorkerWorld } from './worker-world';
import { spawnWorker, stopWorker, waitForWorkerReady } from './worker-process';

/**
 * Three worker processes on one machine over the simulated org against one: every job done
 * exactly once, the same result, and the time of each.
 */
describe('three workers against one', () => {
  const world = useWorkerWorld({ scratchPrefix: 'rr-three-', slowMs: 15 });
  const scratch = world.scratch;

  async function syncWith(workerCount: number): Promise<{
    ms: number;
    jobs: AuditedJob[];
    runs: AuditedRun[];
    snapshot: unknown;
    dataSource: DataSource;
  }> {
    const test = await world.openDatabase();
    const env = world.org().env(test.database.url, join(scratch, `data-${workerCount}`));
    const logs = Array.from({ length: workerCount }, (_, index) =>
      join(scratch, `worker-${workerCount}-${index}.log`),
    );
    const workers = logs.map((log) => spawnWorker(env, log));
    try {
      for (const log of logs) await waitForWorkerReady(log);
      const started = Date.now();
      await enqueueSyncOf(env);
      const jobs = await waitForQueueIdle(test.dataSource, 600_000);
      const ms = Date.now() - started;
      return {
        ms,
        jobs,
        runs: await readRuns(test.dataSource),
        snapshot: await resultSnapshot(test.dataSource),
        dataSource: test.dataSource,
      };
    } finally {
      await Promise.all(workers.map((worker) => stopWorker(worker)));
    }
  }

  it('does every job exactly once, gives the same result as one worker, and is faster', async () => {
    const one = await syncWith(1);
    const three = await syncWith(3);

    for (const outcome of [one, three]) {
      expect(outcome.jobs.every((job) => job.state === 'completed')).toBe(true);
      // Exactly once: one attempt per job, and that attempt completed.
      const attempts = new Map<string, AuditedRun[]>();
      for (const run of outcome.runs)
        attempts.set(run.jobId, [...(attempts.get(run.jobId) ?? []), run]);
      for (const job of outcome.jobs) {
        // The failure's own words, so a failed attempt says why.
        expect(
          attempts
            .get(job.id)
            ?.map(
              (run) => `${run.outcome ?? 'running'}${run.error === null ? '' : `: ${run.error}`}`,
            ),
        ).toEqual(['completed']);
      }
      expect(outcome.runs).toHaveLength(outcome.jobs.length);
      expect(overlappingRuns(outcome.runs)).toEqual([]);
      expect(
        outcome.jobs.filter(
          (job) => job.name === 'sync-github' && job.singletonKey?.startsWith('repo:'),
        ),
      ).toHaveLength(world.org().repositories);
      expect(outcome.jobs.filter((job) => job.name === 'sync-jira')).toHaveLength(
        world.org().projects.length,
      );
    }
    expect(three.snapshot).toEqual(one.snapshot);
    expect(new Set(three.runs.map((run) => run.worker)).size).toBe(3);

    printFigure(
      'three-workers: jobs (1 worker / 3 workers)',
      `${one.jobs.length} / ${three.jobs.length}`,
    );
    printFigure('three-workers: time with 1 worker (s)', (one.ms / 1000).toFixed(1));
    printFigure('three-workers: time with 3 workers (s)', (three.ms / 1000).toFixed(1));
    printFigure('three-workers: speed-up', (one.ms / three.ms).toFixed(2));
    const perWorker = new Map<string, number>();
    for (const run of three.runs) perWorker.set(run.worker, (perWorker.get(run.worker) ?? 0) + 1);
    printFigure('three-workers: jobs per worker', [...perWorker.values()].join(', '));
    expect(three.ms).toBeLessThan(one.ms);
  });
});
