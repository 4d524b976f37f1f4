import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { printFigure, readJobs, readRuns, resultSnapshot, waitForQueueIdle } from './queue-audit';
import { enqueueSyncOf } from './sync-run';
import { useWorkerWorld } from './worker-world';
import { spawnWorker, stopWorker, waitForWorkerReady, type WorkerProcess } from './worker-process';

const requiredKills = Number(process.env.RELIABILITY_KILLS ?? 20);

/**
 * Real worker processes killed with SIGKILL at random moments while they sync and analyse,
 * replaced each time: every job must still end done once, and the rows equal a clean run's.
 */
describe('workers killed with SIGKILL during sync and analysis', () => {
  const world = useWorkerWorld({ scratchPrefix: 'rr-kills-', slowMs: 30 });
  const scratch = world.scratch;
  let seed = 20_251_123;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };

  let logCount = 0;
  const everyWorker: WorkerProcess[] = [];
  async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
    logCount += 1;
    const log = join(scratch, `worker-${logCount}.log`);
    const worker = spawnWorker(env, log);
    everyWorker.push(worker);
    await waitForWorkerReady(log);
    return worker;
  }

  it(`ends identical to a clean run after ${requiredKills} kills, every job resumed and done once`, async () => {
    const reference = await world.openDatabase();
    const killed = await world.openDatabase();

    const referenceStarted = Date.now();
    const referenceEnv = world.org().env(reference.database.url, join(scratch, 'data-reference'));
    const clean = await startWorker(referenceEnv);
    await enqueueSyncOf(referenceEnv);
    await waitForQueueIdle(reference.dataSource, 600_000);
    await stopWorker(clean);
    const referenceMs = Date.now() - referenceStarted;
    const expected = await resultSnapshot(reference.dataSource);

    const env = world.org().env(killed.database.url, join(scratch, 'data-killed'));
    let workers: WorkerProcess[] = [];
    const kills: { queue: string; jobId: string }[] = [];
    let syncs = 1;
    const started = Date.now();
    let lastKillAt = started;
    try {
      for (let index = 0; index < 3; index += 1) workers.push(await startWorker(env));
      await enqueueSyncOf(env);
      while (kills.length < requiredKills) {
        if (Date.now() - started > 12 * 60_000)
          throw new Error(`only ${kills.length} kills landed in 12 minutes`);
        const live = new Map(workers.map((worker) => [worker.name, worker]));
        const running = (await readRuns(killed.dataSource)).filter(
          (run) => run.finishedAt === null && live.has(run.worker),
        );
        if (running.length === 0) {
          const jobs = await readJobs(killed.dataSource);
          if (jobs.every((job) => job.state === 'completed' || job.state === 'failed')) {
            // Everything done: queue another (incremental) sync so there is work to interrupt.
            syncs += 1;
            await enqueueSyncOf(env);
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        const target = running[Math.floor(random() * running.length)];
        if (target === undefined) continue;
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 1500)));
        const victim = live.get(target.worker);
        const stillRunning = (await readRuns(killed.dataSource)).find(
          (run) =>
            run.jobId === target.jobId && run.worker === target.worker && run.finishedAt === null,
        );
        if (victim === undefined || stillRunning === undefined) continue;
        victim.kill('SIGKILL');
        await victim.exited;
        kills.push({ queue: target.queue, jobId: target.jobId });
        lastKillAt = Date.now();
        workers = [...workers.filter((worker) => worker !== victim), await startWorker(env)];
      }
      await waitForQueueIdle(killed.dataSource, 600_000);
      const resumedMs = Date.now() - lastKillAt;

      const jobs = await readJobs(killed.dataSource);
      const runs = await readRuns(killed.dataSource);
      expect(jobs.filter((job) => job.state !== 'completed')).toEqual([]);
      for (const job of jobs) {
        expect(
          runs.filter((run) => run.jobId === job.id && run.outcome === 'completed'),
        ).toHaveLength(1);
      }
      // Every interrupted job was picked up again and finished.
      for (const kill of kills)
        expect(jobs.find((job) => job.id === kill.jobId)?.state).toBe('completed');
      const interrupted = runs.filter((run) => run.finishedAt === null);
      expect(interrupted.length).toBeGreaterThanOrEqual(requiredKills);
      expect(kills.some((kill) => kill.queue === 'after-sync')).toBe(true);
      expect(kills.some((kill) => kill.queue.startsWith('sync-'))).toBe(true);
      expect(await resultSnapshot(killed.dataSource)).toEqual(expected);

      printFigure('kills: clean one-worker sync (s)', (referenceMs / 1000).toFixed(1));
      printFigure('kills: SIGKILLs landed on a running job', kills.length);
      printFigure(
        'kills: by queue',
        ['sync-github', 'sync-jira', 'after-sync']
          .map((queue) => `${queue} ${kills.filter((kill) => kill.queue === queue).length}`)
          .join(', '),
      );
      printFigure('kills: syncs queued', syncs);
      printFigure('kills: jobs (all completed, one completed attempt each)', jobs.length);
      printFigure(
        'kills: attempts (interrupted / failed / completed)',
        `${interrupted.length} / ${runs.filter((run) => run.outcome === 'failed').length} / ${runs.filter((run) => run.outcome === 'completed').length}`,
      );
      printFigure(
        'kills: time to drain the queue after the last kill (s)',
        (resumedMs / 1000).toFixed(1),
      );
    } finally {
      await Promise.all(everyWorker.map((worker) => stopWorker(worker)));
    }
  });
});
