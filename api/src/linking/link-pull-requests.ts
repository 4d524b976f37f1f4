import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { readCheckpoint, saveCheckpoint } from '../sources/sync-state/sync-state.store';
import { proposeLinks, type ProposedLink } from './work-item-link-rules';

/**
 * Reads: pull requests and their commits written since the last run, and the Jira project keys
 * present in `work_item`. Writes: `pull_request_work_item` rows (one per PR, key and rule, with
 * evidence), only those that changed; then marks links whose work item has arrived (or gone).
 *
 * "Since the last run" is a watermark on `raw_payload_id`: every pull request or commit row the
 * sync or a webhook rewrites points at a newer payload, whichever repository or order it came in.
 * A new project key in `work_item` re-examines every pull request, since its keys were ignored.
 */

export interface LinkingReport {
  examined: number;
  linksAdded: number;
  linksRemoved: number;
  /** Links whose work item arrived (or disappeared) since the last run. */
  linksResolved: number;
  /** Links whose work item is not synced (yet). */
  pendingLinks: number;
}

interface LinkingCursor {
  rawPayloadId: string;
  projectKeys: string[];
}

const checkpointKey = {
  source: 'linking',
  scope: 'pull-request-work-item',
  stream: 'pull-requests',
};
const BATCH = 500;

export const linkId = (pullRequestId: string, link: ProposedLink): string =>
  `${pullRequestId}|${link.key}|${link.rule}`;

function isCursor(value: unknown): value is LinkingCursor {
  const candidate = value as Partial<LinkingCursor> | null | undefined;
  return typeof candidate?.rawPayloadId === 'string' && Array.isArray(candidate.projectKeys);
}

export async function linkPullRequestsToWorkItems(
  dataSource: DataSource,
  logger: Logger,
): Promise<LinkingReport> {
  const manager = dataSource.manager;
  const projectKeys = (
    await manager.query<{ key: string }[]>(
      'SELECT DISTINCT project_key AS key FROM work_item ORDER BY 1',
    )
  ).map((row) => row.key);
  const stored = await readCheckpoint(manager, checkpointKey);
  const cursor = isCursor(stored) ? stored : undefined;
  const [top] = await manager.query<{ id: string }[]>(
    'SELECT coalesce(max(id), 0)::text AS id FROM raw_payload',
  );
  const watermark = top?.id ?? '0';
  const rescanAll = cursor === undefined || cursor.projectKeys.join(',') !== projectKeys.join(',');
  const since = rescanAll ? '0' : cursor.rawPayloadId;

  const candidates = (
    await manager.query<{ id: string }[]>(
      `SELECT id FROM pull_request WHERE raw_payload_id > $1::bigint AND raw_payload_id <= $2::bigint
       UNION
       SELECT pull_request_id FROM pull_request_commit WHERE raw_payload_id > $1::bigint AND raw_payload_id <= $2::bigint
       ORDER BY 1`,
      [since, watermark],
    )
  ).map((row) => row.id);

  const report: LinkingReport = {
    examined: 0,
    linksAdded: 0,
    linksRemoved: 0,
    linksResolved: 0,
    pendingLinks: 0,
  };
  for (let start = 0; start < candidates.length; start += BATCH) {
    const batch = candidates.slice(start, start + BATCH);
    const desired = await proposeForBatch(manager, batch, projectKeys);
    await dataSource.transaction(async (transaction) => {
      const { added, removed } = await writeLinks(transaction, batch, desired);
      report.linksAdded += added;
      report.linksRemoved += removed;
    });
    report.examined += batch.length;
  }
  await dataSource.transaction(async (transaction) => {
    report.linksResolved = await refreshPresence(transaction);
    await saveCheckpoint(transaction, checkpointKey, { rawPayloadId: watermark, projectKeys });
  });
  const [pending] = await manager.query<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM pull_request_work_item WHERE NOT work_item_present',
  );
  report.pendingLinks = pending?.n ?? 0;
  logger.info({ report, rescanAll }, 'pull requests linked to work items');
  return report;
}

interface DesiredLink extends ProposedLink {
  id: string;
  pullRequestId: string;
}

async function proposeForBatch(
  manager: EntityManager,
  pullRequestIds: string[],
  projectKeys: string[],
): Promise<DesiredLink[]> {
  const pullRequests = await manager.query<
    { id: string; title: string; head_ref: string; body: string }[]
  >('SELECT id, title, head_ref, body FROM pull_request WHERE id = ANY($1::text[])', [
    pullRequestIds,
  ]);
  const commits = await manager.query<{ pull_request_id: string; sha: string; message: string }[]>(
    'SELECT pull_request_id, sha, message FROM pull_request_commit WHERE pull_request_id = ANY($1::text[]) ORDER BY pull_request_id, authored_at NULLS LAST, sha',
    [pullRequestIds],
  );
  const commitsOf = new Map<string, { sha: string; message: string }[]>();
  for (const commit of commits) {
    const list = commitsOf.get(commit.pull_request_id) ?? [];
    list.push({ sha: commit.sha, message: commit.message });
    commitsOf.set(commit.pull_request_id, list);
  }
  return pullRequests.flatMap((pr) =>
    proposeLinks(
      { title: pr.title, headRef: pr.head_ref, body: pr.body, commits: commitsOf.get(pr.id) ?? [] },
      projectKeys,
    ).map((link) => ({
      ...link,
      id: linkId(pr.id, link),
      pullRequestId: pr.id,
    })),
  );
}

/** Inserts new links, updates changed evidence (first seen kept), removes links no longer found. */
async function writeLinks(
  manager: EntityManager,
  pullRequestIds: string[],
  desired: DesiredLink[],
): Promise<{ added: number; removed: number }> {
  let added = 0;
  if (desired.length > 0) {
    const inserted = await manager.query<{ inserted: boolean }[]>(
      `INSERT INTO pull_request_work_item (id, pull_request_id, work_item_key, rule, evidence, work_item_present, first_seen_at)
       SELECT link.id, link.pull_request_id, link.key, link.rule, link.evidence,
              EXISTS (SELECT 1 FROM work_item w WHERE w.key = link.key), now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS link(id, pull_request_id, key, rule, evidence)
       ON CONFLICT (id) DO UPDATE SET evidence = EXCLUDED.evidence
       WHERE pull_request_work_item.evidence IS DISTINCT FROM EXCLUDED.evidence
       RETURNING (xmax = 0) AS inserted`,
      [
        desired.map((link) => link.id),
        desired.map((link) => link.pullRequestId),
        desired.map((link) => link.key),
        desired.map((link) => link.rule),
        desired.map((link) => link.evidence),
      ],
    );
    added = inserted.filter((row) => row.inserted).length;
  }
  // As a CTE so the answer is rows (TypeORM answers a bare DELETE with [rows, count]).
  const [removed] = await manager.query<{ n: number }[]>(
    `WITH gone AS (DELETE FROM pull_request_work_item WHERE pull_request_id = ANY($1::text[]) AND NOT (id = ANY($2::text[])) RETURNING id)
     SELECT count(*)::int AS n FROM gone`,
    [pullRequestIds, desired.map((link) => link.id)],
  );
  return { added, removed: removed?.n ?? 0 };
}

/** Work items synced after their links were made resolve them; deleted ones unresolve. */
async function refreshPresence(manager: EntityManager): Promise<number> {
  const [changed] = await manager.query<{ n: number }[]>(
    `WITH changed AS (
       UPDATE pull_request_work_item l SET work_item_present = present.value
       FROM (SELECT l2.id, EXISTS (SELECT 1 FROM work_item w WHERE w.key = l2.work_item_key) AS value FROM pull_request_work_item l2) AS present
       WHERE present.id = l.id AND l.work_item_present IS DISTINCT FROM present.value
       RETURNING l.id)
     SELECT count(*)::int AS n FROM changed`,
  );
  return changed?.n ?? 0;
}
