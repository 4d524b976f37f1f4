import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { loadDemoOrganisation, type LoadDemoResult } from '../demo/demo-loader';
import { silentLogger } from './silent-logger';
import { createMigratedDataSource, type TestDatabase } from './test-database';

export interface DemoDatabase {
  dataSource: DataSource;
  database: TestDatabase;
  /** DATA_DIR of the load: the demo's files and the git mirrors the analysis traces through. */
  dataDir: string;
  loaded: LoadDemoResult;
  /** Closes the DataSource, drops the database and removes the data directory. */
  close(): Promise<void>;
}

/**
 * A fresh migrated database with a small demo organisation loaded the way `npm start` loads it
 * (simulators, connectors, after-sync steps), for specs that need real, analysed data.
 */
export async function loadDemoDatabase(demo: { seed: number; prs: number }): Promise<DemoDatabase> {
  const { dataSource, database } = await createMigratedDataSource();
  const dataDir = await mkdtemp(join(tmpdir(), 'rr-demo-db-'));
  const loaded = await loadDemoOrganisation({
    dataDir,
    dataSource,
    logger: silentLogger(),
    seed: demo.seed,
    scale: { prs: demo.prs },
  });
  return {
    dataSource,
    database,
    dataDir,
    loaded,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
