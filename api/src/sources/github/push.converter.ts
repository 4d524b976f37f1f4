import type { EntityManager } from 'typeorm';
import { repositoryId } from './github-ids';
import type { GithubPushRecord } from './push.extractor';

/**
 * Reads: a push record. Writes: one `github_push` row, with the pull requests already known to
 * carry its commits (a commit of the PR, or its merge commit). A push to the default branch
 * whose commits no pull request carries is untracked work.
 */
export const pushId = (record: GithubPushRecord): string =>
  `${repositoryId(record.repository)}:${record.ref}:${record.before}..${record.after}`;

export async function writePush(
  manager: EntityManager,
  record: GithubPushRecord,
  deliveryId: string,
  rawPayloadId: string,
  receivedAt: Date,
): Promise<void> {
  const shas = record.commits.map((commit) => commit.sha);
  const carriers =
    shas.length === 0
      ? []
      : await pullRequestsCarrying(manager, repositoryId(record.repository), shas);
  const isDefault =
    record.defaultBranch !== null && record.ref === `refs/heads/${record.defaultBranch}`;
  await manager.query(
    `INSERT INTO github_push (id, repository_id, ref, before_sha, after_sha, is_default_branch, created, deleted, forced, pusher_login,
       pushed_at, delivery_id, commits, commit_shas, pull_request_ids, raw_payload_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14::text[], $15::text[], $16)
     ON CONFLICT (id) DO NOTHING`,
    [
      pushId(record),
      repositoryId(record.repository),
      record.ref,
      record.before,
      record.after,
      isDefault,
      record.created,
      record.deleted,
      record.forced,
      record.pusherLogin?.toLowerCase() ?? null,
      record.pushedAt ?? receivedAt.toISOString(),
      deliveryId,
      JSON.stringify(record.commits),
      shas,
      carriers,
      rawPayloadId,
    ],
  );
}

async function pullRequestsCarrying(
  manager: EntityManager,
  repository: string,
  shas: string[],
): Promise<string[]> {
  const rows = await manager.query<{ id: string }[]>(
    `SELECT c.pull_request_id AS id FROM pull_request_commit c JOIN pull_request r ON r.id = c.pull_request_id
       WHERE c.sha = ANY($2::text[]) AND r.repository_id = $1
     UNION
     SELECT id FROM pull_request WHERE repository_id = $1 AND merge_commit_sha = ANY($2::text[])
     ORDER BY 1`,
    [repository, shas],
  );
  return rows.map((row) => row.id);
}

export interface UntrackedPush {
  id: string;
  repositoryId: string;
  ref: string;
  afterSha: string;
  pusherLogin: string | null;
  pushedAt: Date;
  /** Commits of the push that no pull request carries (as of now, not as of the push). */
  untrackedShas: string[];
}

/**
 * Pushes to the default branch with commits that no pull request carries, checked against the
 * pull requests synced by now (a PR synced after its push still counts).
 */
export async function listUntrackedDefaultBranchPushes(
  manager: EntityManager,
  repository?: string,
): Promise<UntrackedPush[]> {
  const rows = await manager.query<
    {
      id: string;
      repository_id: string;
      ref: string;
      after_sha: string;
      pusher_login: string | null;
      pushed_at: Date;
      untracked: string[];
    }[]
  >(
    `SELECT p.id, p.repository_id, p.ref, p.after_sha, p.pusher_login, p.pushed_at,
            array_agg(s.sha ORDER BY s.ord) AS untracked
     FROM github_push p
     CROSS JOIN LATERAL unnest(p.commit_shas) WITH ORDINALITY AS s(sha, ord)
     WHERE p.is_default_branch AND NOT p.deleted AND ($1::text IS NULL OR p.repository_id = $1)
       AND NOT EXISTS (SELECT 1 FROM pull_request_commit c JOIN pull_request r ON r.id = c.pull_request_id
                       WHERE c.sha = s.sha AND r.repository_id = p.repository_id)
       AND NOT EXISTS (SELECT 1 FROM pull_request r WHERE r.repository_id = p.repository_id AND r.merge_commit_sha = s.sha)
     GROUP BY p.id ORDER BY p.pushed_at, p.id`,
    [repository ?? null],
  );
  return rows.map((row) => ({
    id: row.id,
    repositoryId: row.repository_id,
    ref: row.ref,
    afterSha: row.after_sha,
    pusherLogin: row.pusher_login,
    pushedAt: row.pushed_at,
    untrackedShas: row.untracked,
  }));
}
