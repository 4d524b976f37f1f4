import 'reflect-metadata';
import { ConfigError, invocationDir, loadEnvironment, parseConfig } from '../config/app-config';
import { createLogger } from '../logging/logger';
import { parseJobsSettings } from './jobs-env';
import { startWorker } from './job-worker';

/**
 * `npm run worker -w api`: one worker process on the job queue, until SIGTERM/SIGINT (running
 * jobs get JOBS_STOP_TIMEOUT_SECONDS to finish, then go back to the queue). Needs DATABASE_URL:
 * workers share the queue through one PostgreSQL (with the embedded database, the api works the
 * jobs itself: WORKER_IN_API is on there by default). JOBS_SYNC_EVERY_MINUTES queues a sync of the
 * configuration periodically.
 */
async function main(): Promise<number> {
  const baseDir = invocationDir();
  const env = loadEnvironment(baseDir);
  let config;
  let settings;
  try {
    config = parseConfig(env, baseDir);
    settings = parseJobsSettings(env);
  } catch (error) {
    if (
      !(error instanceof ConfigError) &&
      !(error instanceof Error && error.message.startsWith('Invalid job queue settings'))
    )
      throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (config.databaseUrl === undefined) {
    process.stderr.write(
      'The worker needs DATABASE_URL (a PostgreSQL shared with the api). With the embedded database, the api works the jobs itself (WORKER_IN_API, on by default there).\n',
    );
    return 2;
  }
  const every =
    env.JOBS_SYNC_EVERY_MINUTES === undefined || env.JOBS_SYNC_EVERY_MINUTES === ''
      ? undefined
      : Number(env.JOBS_SYNC_EVERY_MINUTES);
  if (every !== undefined && !(Number.isFinite(every) && every > 0)) {
    process.stderr.write(
      `JOBS_SYNC_EVERY_MINUTES: expected a positive number of minutes (got ${JSON.stringify(env.JOBS_SYNC_EVERY_MINUTES)})\n`,
    );
    return 2;
  }
  const logger = createLogger(config.logLevel);
  // pg-boss completes and fails jobs without awaiting: while the database is down those
  // promises reject; the sweep settles such jobs later, so log instead of crashing.
  process.on('unhandledRejection', (reason) =>
    logger.warn({ err: reason }, 'unhandled rejection in the worker (continuing)'),
  );
  const worker = await startWorker({
    config,
    databaseUrl: config.databaseUrl,
    settings,
    logger,
    ...(every === undefined ? {} : { syncEveryMinutes: every }),
  });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'stopping the worker');
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await worker.stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `Worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
