import type { DataSource } from 'typeorm';
import { domainChecksums } from '../sources/github/domain-checksum';
import { domainFingerprint } from '../sources/jira/testing/jira-test-kit';
import { jobQueues } from '../jobs/job-kinds';

export interface AuditedJob {
  id: string;
  name: string;
  state: string;
  retryCount: number;
  singletonKey: string | null;
}

export interface AuditedRun {
  jobId: string;
  queue: string;
  scope: string;
  worker: string;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: string | null;
  error: string | null;
}

/** Every job of our queues, live or archived. */
export async function readJobs(dataSource: DataSource): Promise<AuditedJob[]> {
  return dataSource.query<AuditedJob[]>(
    `SELECT id::text AS id, name, state::text AS state, retry_count AS "retryCount", singleton_key AS "singletonKey" FROM pgboss.job WHERE name = ANY($1)
     UNION ALL SELECT id::text, name, state::text, retry_count, singleton_key FROM pgboss.archive WHERE name = ANY($1)`,
    [jobQueues],
  );
}

export async function readRuns(dataSource: DataSource): Promise<AuditedRun[]> {
  return dataSource.query<AuditedRun[]>(
    `SELECT job_id::text AS "jobId", queue, scope, worker, started_at AS "startedAt", finished_at AS "finishedAt", outcome, error FROM job_run ORDER BY started_at`,
  );
}

/** Waits until at least one job exists and every job is completed or failed. */
export async function waitForQueueIdle(
  dataSource: DataSource,
  timeoutMs: number,
): Promise<AuditedJob[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await readJobs(dataSource).catch(() => []);
    if (jobs.length > 0 && jobs.every((job) => job.state === 'completed' || job.state === 'failed'))
      return jobs;
    if (Date.now() > deadline)
      throw new Error(
        `queue not idle after ${timeoutMs} ms: ${JSON.stringify(jobs.filter((job) => job.state !== 'completed'))}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Pairs of runs of the same queue and scope whose time spans overlap (must be none). */
export function overlappingRuns(runs: AuditedRun[]): [AuditedRun, AuditedRun][] {
  const overlaps: [AuditedRun, AuditedRun][] = [];
  const finished = runs.filter((run) => run.finishedAt !== null);
  for (const [index, a] of finished.entries()) {
    for (const b of finished.slice(index + 1)) {
      if (a.queue !== b.queue || a.scope !== b.scope) continue;
      const aEnd = (a.finishedAt as Date).getTime();
      const bEnd = (b.finishedAt as Date).getTime();
      if (a.startedAt.getTime() < bEnd && b.startedAt.getTime() < aEnd) overlaps.push([a, b]);
    }
  }
  return overlaps;
}

/** What a sync and its analysis produced, independent of how many attempts it took. */
export async function resultSnapshot(dataSource: DataSource): Promise<unknown> {
  const one = async (sql: string) =>
    (await dataSource.query<{ rows: string; md5: string | null }[]>(sql))[0];
  return {
    github: await domainChecksums(dataSource),
    jira: await domainFingerprint(dataSource),
    links: await one(
      `SELECT count(*) AS rows, md5(string_agg(pull_request_id || work_item_key || rule, '|' ORDER BY pull_request_id, work_item_key, rule)) AS md5 FROM pull_request_work_item`,
    ),
    persons: await one(
      `SELECT count(*) AS rows, md5(string_agg(id, '|' ORDER BY id)) AS md5 FROM person`,
    ),
    identities: await one(
      `SELECT count(*) AS rows, md5(string_agg(id || ':' || coalesce(person_id, ''), '|' ORDER BY id)) AS md5 FROM identity`,
    ),
    rework: await one(
      `SELECT count(*) AS rows, md5(string_agg(id || kind || detection_rule, '|' ORDER BY id)) AS md5 FROM rework_item`,
    ),
    causes: await one(
      `SELECT count(*) AS rows, md5(string_agg(rework_item_id || cause, '|' ORDER BY rework_item_id, cause)) AS md5 FROM cause_attribution`,
    ),
    rawPayloadDuplicates: await one(
      `SELECT count(*) AS rows, NULL AS md5 FROM (SELECT source, request_key, content_hash FROM raw_payload GROUP BY 1, 2, 3 HAVING count(*) > 1) d`,
    ),
  };
}

/** One figure per line, easy to grep from the suite's output. */
export function printFigure(name: string, value: string | number): void {
  process.stdout.write(`[reliability] ${name}: ${value}\n`);
}
