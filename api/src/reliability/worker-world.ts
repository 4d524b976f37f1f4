import { afterAll, beforeAll } from '@jest/globals';
import { rmSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { createMigratedDataSource, type TestDatabase } from '../testing/test-database';
import { startSimulatedOrg, type SimulatedOrg } from './simulated-org';
import { scratchDir } from './sync-run';
import { assertWorkerBuilt } from './worker-process';

export interface WorkerWorld {
  /** The simulated GitHub and Jira organisation the workers sync (started in `beforeAll`). */
  org(): SimulatedOrg;
  /** A folder for data directories and worker logs, removed after the suite. */
  scratch: string;
  /** A fresh migrated database, dropped after the suite. */
  openDatabase(): Promise<{ dataSource: DataSource; database: TestDatabase }>;
}

/**
 * Registers what the multi-worker suites share: the built worker, one simulated organisation
 * (6 repositories of 40 PRs, 150 issues in 3 projects, each API answer delayed by `slowMs`),
 * databases and a scratch folder, all cleaned up after the suite.
 */
export function useWorkerWorld(options: { scratchPrefix: string; slowMs: number }): WorkerWorld {
  let org: SimulatedOrg | undefined;
  const opened: { dataSource: DataSource; database: TestDatabase }[] = [];
  const scratch = scratchDir(options.scratchPrefix);

  beforeAll(async () => {
    assertWorkerBuilt();
    org = await startSimulatedOrg({
      repositories: 6,
      pullRequestsPerRepository: 40,
      issues: 150,
      projects: ['ENG', 'OPS', 'WEB'],
      slowMs: options.slowMs,
    });
  });
  afterAll(async () => {
    await org?.stop();
    for (const { dataSource, database } of opened) {
      await dataSource.destroy();
      await database.drop();
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  return {
    org: () => {
      if (org === undefined) throw new Error('the simulated organisation starts in beforeAll');
      return org;
    },
    scratch,
    openDatabase: async () => {
      const test = await createMigratedDataSource();
      opened.push(test);
      return test;
    },
  };
}
