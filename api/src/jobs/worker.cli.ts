import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/app-config';
import { createLogger } from '../logging/logger';
import { startWorker } from './job-worker';

/**
 * `npm run worker -w api`: one more worker process on the job queue, to scale out beside the api
 * (which works jobs too unless WORKER_IN_API=false), until SIGTERM/SIGINT (running jobs get
 * JOBS_STOP_TIMEOUT_SECONDS to finish, then go back to the queue). Needs DATABASE_URL: workers
 * share the queue through one PostgreSQL, which the embedded database is not. Queues the
 * scheduled syncs as the api does (JOBS_SYNC_EVERY_MINUTES). Reads `.env` like the api.
 */
async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (config.databaseUrl === undefined) {
    process.stderr.write(
      'The worker needs DATABASE_URL (a PostgreSQL shared with the api). With the embedded database, the api works the jobs itself.\n',
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
    settings: config.jobs,
    logger,
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
