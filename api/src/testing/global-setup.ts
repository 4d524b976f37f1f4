import { startThrowawayServer } from './postgres-server';

/**
 * One real PostgreSQL for the whole Jest run. TEST_DATABASE_URL (a server whose user may create
 * databases) skips starting one. Workers inherit the URL through the environment.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL !== undefined) {
    process.env.RR_TEST_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const server = await startThrowawayServer();
  process.env.RR_TEST_ADMIN_URL = server.adminUrl;
  process.env.RR_TEST_PG_DATA_DIR = server.dataDir;
  process.env.RR_TEST_PG_BIN_DIR = server.binDir;
}
