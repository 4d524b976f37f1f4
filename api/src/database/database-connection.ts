import type { DatabaseEngine } from '@rework-radar/shared';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { appDatabase, demoDatabase, startEmbeddedPostgres } from './embedded-postgres-engine';

/** The PostgreSQL the app talks to, and how to let go of it at shutdown. */
export interface DatabaseConnection {
  engine: DatabaseEngine;
  url: string;
  close(): Promise<void>;
}

export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'demo'>,
  logger: Logger,
): Promise<DatabaseConnection> {
  if (config.databaseUrl !== undefined) {
    return { engine: 'external', url: config.databaseUrl, close: () => Promise.resolve() };
  }
  const embedded = await startEmbeddedPostgres(
    config.dataDir,
    logger,
    config.demo ? demoDatabase : appDatabase,
  );
  return { engine: 'embedded', url: embedded.url, close: () => embedded.stop() };
}
