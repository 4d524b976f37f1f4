import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { parseConfig } from '../config/app-config';
import { JobQueue } from '../jobs/job-queue';
import { parseJobsSettings } from '../jobs/jobs-env';
import { enqueueSync } from '../jobs/sync-scheduler';
import { silentLogger } from '../testing/silent-logger';

/** Queues one sync of the org described by `env` (what POST /api/sync does), from the test process. */
export async function enqueueSyncOf(env: Record<string, string>): Promise<number> {
  const config = parseConfig(env, tmpdir());
  const queue = await JobQueue.start(
    env.DATABASE_URL ?? '',
    parseJobsSettings(env),
    silentLogger(),
    false,
  );
  try {
    return (await enqueueSync(queue, config)).length;
  } finally {
    await queue.stop({ timeout: 1000 });
  }
}

/**
 * A scratch directory under api/reports/reliability (git-ignored), not /tmp: other suites on
 * this machine sweep /tmp while ours run, and worker logs must survive for post-mortems.
 */
export function scratchDir(prefix: string): string {
  const root = resolve(__dirname, '..', '..', 'reports', 'reliability');
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, prefix));
}

export async function countRows(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[] = [],
): Promise<number> {
  const rows = await dataSource.query<{ count: string }[]>(sql, parameters);
  return Number(rows[0]?.count ?? 0);
}
