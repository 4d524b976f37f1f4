import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { openDatabase } from './database/database-connection';
import { createLogger } from './logging/logger';
import { loadDemoInBackground } from './demo/demo-startup';
import { DemoStatusTracker } from './demo/status/demo-status.tracker';
import { DataSource } from 'typeorm';
import { announceFirstAdmin } from './auth/announce-first-admin';
import { ensureFirstAdmin } from './auth/first-admin';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger);

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await app?.close();
    } finally {
      await database.close();
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const demoStatus = new DemoStatusTracker(config.demo);
  try {
    app = await createApp(config, database, logger, demoStatus);
    await app.listen(config.port);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `port ${config.port} is already in use: stop the other process or set PORT`
        : error instanceof Error
          ? error.message
          : String(error);
    logger.fatal({ err: error }, `Rework Radar could not start: ${reason}`);
    await app?.close().catch(() => undefined);
    await database.close();
    process.exit(1);
  }
  const appUrl = `http://localhost:${config.port}`;
  announceFirstAdmin(await ensureFirstAdmin(app.get(DataSource), config.admin), appUrl, logger);
  logger.info({ engine: database.engine, port: config.port }, `Rework Radar is ready at ${appUrl}`);
  if (config.demo) {
    logger.info(
      'no GitHub or Jira configured: loading the demo organisation (set GITHUB_TOKEN / JIRA_BASE_URL to use yours)',
    );
    await loadDemoInBackground({
      dataDir: config.dataDir,
      analysis: config.analysis,
      dataSource: app.get(DataSource),
      logger,
      tracker: demoStatus,
      appUrl,
    });
  }
}

void main();
