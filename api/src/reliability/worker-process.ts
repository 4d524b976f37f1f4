import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';

/** The compiled worker, as `npm run worker -w api` runs it. */
export const workerCli = resolve(__dirname, '..', '..', 'dist', 'jobs', 'worker.cli.js');

export function assertWorkerBuilt(): void {
  if (!existsSync(workerCli)) {
    throw new Error(
      `${workerCli} is missing: build the api first (npm run build -w api), or run the suite with npm run test:reliability, which builds`,
    );
  }
}

export interface WorkerProcess {
  child: ChildProcess;
  /** host:pid, as the worker records itself in job_run. */
  name: string;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): boolean;
}

/**
 * Starts one real worker process; its output goes to `logFile` for post-mortems. No sync
 * schedule unless `env` asks: the suites queue their syncs themselves and count the jobs.
 */
export function spawnWorker(env: Record<string, string>, logFile: string): WorkerProcess {
  const child = spawn(process.execPath, [workerCli], {
    env: { ...process.env, JOBS_SYNC_EVERY_MINUTES: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    name: `${hostname()}:${child.pid ?? 0}`,
    exited,
    kill: (signal) => child.kill(signal),
  };
}

/** SIGTERM, then SIGKILL if the worker is still there after `graceMs`. */
export async function stopWorker(worker: WorkerProcess, graceMs = 15_000): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.kill('SIGTERM');
  const timer = setTimeout(() => worker.kill('SIGKILL'), graceMs);
  await worker.exited;
  clearTimeout(timer);
}

/** Waits until the worker's log says it is working the queues. */
export async function waitForWorkerReady(logFile: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(existsSync(logFile) && readFileSync(logFile, 'utf8').includes('worker started'))) {
    if (Date.now() > deadline)
      throw new Error(
        `worker did not start in ${timeoutMs} ms; its log ends:\n${
          existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2_000) : '(no log)'
        }`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
