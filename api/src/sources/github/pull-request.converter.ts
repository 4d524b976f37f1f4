import type { EntityManager } from 'typeorm';
import { coAuthorsOf, isAgentChange, type AgentRules } from './agent-detection';
import { removeMissingChildren, upsertRows, type Row } from './domain-writer';
import {
  commentId,
  commitId,
  fileId,
  identityId,
  pullRequestId,
  repositoryId,
  reviewId,
} from './github-ids';
import type {
  GithubActor,
  GithubPullRequestRecord,
  GithubRepositoryRecord,
} from './github-records';

/**
 * Reads: pull request and repository source records. Writes: repository, pull_request and its
 * review/comment/commit/file rows, and `identity` rows for every GitHub account seen.
 */

export function repositoryRow(record: GithubRepositoryRecord, rawPayloadId: string): Row {
  const [owner = '', name = ''] = record.fullName.split('/');
  return {
    id: repositoryId(record.fullName),
    source_id: record.nodeId,
    full_name: record.fullName.toLowerCase(),
    owner,
    name,
    default_branch: record.defaultBranch,
    is_private: record.isPrivate,
    created_at: record.createdAt,
    raw_payload_id: rawPayloadId,
  };
}

export async function writeRepositories(manager: EntityManager, rows: Row[]): Promise<void> {
  await upsertRows(manager, 'repository', rows);
}

export async function writeIdentities(
  manager: EntityManager,
  actors: (GithubActor | null)[],
  rawPayloadId: string,
): Promise<void> {
  const rows = actors
    .filter((actor): actor is GithubActor => actor !== null)
    .map((actor) => ({
      id: identityId(actor.login),
      system: 'github',
      external_id: actor.login.toLowerCase(),
      display_name: actor.login,
      is_bot: actor.isBot || actor.login.toLowerCase().endsWith('[bot]'),
      raw_payload_id: rawPayloadId,
    }));
  await upsertRows(manager, 'identity', rows);
}

function firstReviewAt(record: GithubPullRequestRecord): string | null {
  const times = (record.activity?.reviews ?? [])
    .filter((review) => review.submittedAt !== null && review.state !== 'PENDING')
    .filter((review) => review.author === null || review.author.login !== record.author?.login)
    .map((review) => review.submittedAt as string)
    .sort();
  return times[0] ?? null;
}

export function pullRequestRow(
  record: GithubPullRequestRecord,
  rawPayloadId: string,
  rules: AgentRules,
): Row {
  const row: Row = {
    id: pullRequestId(record.repository, record.number),
    repository_id: repositoryId(record.repository),
    number: record.number,
    source_id: record.nodeId,
    title: record.title,
    body: record.body,
    author_login: record.author?.login.toLowerCase() ?? null,
    state: record.state,
    is_draft: record.isDraft,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    merged_at: record.mergedAt,
    closed_at: record.closedAt,
    additions: record.additions,
    deletions: record.deletions,
    changed_files: record.changedFiles,
    head_ref: record.headRef,
    base_ref: record.baseRef,
    merge_commit_sha: record.mergeCommitSha,
    labels: record.labels,
    raw_payload_id: rawPayloadId,
  };
  if (record.activity !== null) {
    // Only a payload with the commits and reviews can decide these; a webhook keeps the stored values.
    row.is_agent = isAgentChange(
      record.author,
      record.activity.commits.map((commit) => commit.message),
      rules,
    );
    row.first_review_at = firstReviewAt(record);
    row.ready_for_review_at = record.readyForReviewAt;
    row.first_review_request_at = record.firstReviewRequestAt;
  } else {
    row.is_agent = isAgentChange(record.author, [], rules);
  }
  return row;
}

/** Converts and writes one payload's pull requests (call inside the page's transaction). */
export async function writePullRequests(
  manager: EntityManager,
  records: GithubPullRequestRecord[],
  rawPayloadId: string,
  rules: AgentRules,
): Promise<void> {
  const withActivity = records.filter((record) => record.activity !== null);
  const withoutActivity = records.filter((record) => record.activity === null);
  await writeIdentities(
    manager,
    records.flatMap((record) => [
      record.author,
      ...(record.activity?.reviews.map((review) => review.author) ?? []),
      ...(record.activity?.comments.map((comment) => comment.author) ?? []),
    ]),
    rawPayloadId,
  );
  await upsertRows(
    manager,
    'pull_request',
    withActivity.map((record) => pullRequestRow(record, rawPayloadId, rules)),
  );
  // A row without the activity columns: an insert leaves them at their defaults.
  for (const record of withoutActivity) {
    const row = pullRequestRow(record, rawPayloadId, rules);
    const exists = await manager.query<unknown[]>('SELECT 1 FROM "pull_request" WHERE "id" = $1', [
      row.id,
    ]);
    if (exists.length > 0) delete row.is_agent;
    await upsertRows(manager, 'pull_request', [row]);
  }

  const reviews: Row[] = [];
  const comments: Row[] = [];
  const commits: Row[] = [];
  const files: Row[] = [];
  for (const record of withActivity) {
    const activity = record.activity;
    if (activity === null) continue;
    const pr = pullRequestId(record.repository, record.number);
    for (const review of activity.reviews) {
      reviews.push({
        id: reviewId(review.nodeId),
        pull_request_id: pr,
        author_login: review.author?.login.toLowerCase() ?? null,
        state: review.state,
        body: review.body,
        submitted_at: review.submittedAt,
        raw_payload_id: rawPayloadId,
      });
    }
    for (const comment of activity.comments) {
      comments.push({
        id: commentId(comment.nodeId),
        pull_request_id: pr,
        kind: comment.kind,
        review_id: comment.reviewNodeId === null ? null : reviewId(comment.reviewNodeId),
        author_login: comment.author?.login.toLowerCase() ?? null,
        body: comment.body,
        path: comment.path,
        created_at: comment.createdAt,
        raw_payload_id: rawPayloadId,
      });
    }
    for (const commit of activity.commits) {
      commits.push({
        id: commitId(pr, commit.sha),
        pull_request_id: pr,
        sha: commit.sha,
        message: commit.message,
        authored_at: commit.authoredAt,
        author_login: commit.authorLogin?.toLowerCase() ?? null,
        author_name: commit.authorName,
        author_email: commit.authorEmail,
        co_authors: coAuthorsOf(commit.message).map(
          (coAuthor) => `${coAuthor.name} <${coAuthor.email}>`,
        ),
        raw_payload_id: rawPayloadId,
      });
    }
    for (const file of activity.files) {
      files.push({
        id: fileId(pr, file.path),
        pull_request_id: pr,
        path: file.path,
        additions: file.additions,
        deletions: file.deletions,
        change_type: file.changeType,
        raw_payload_id: rawPayloadId,
      });
    }
  }
  await upsertRows(manager, 'pull_request_review', reviews);
  await upsertRows(manager, 'pull_request_comment', comments);
  await upsertRows(manager, 'pull_request_commit', commits);
  await upsertRows(manager, 'pull_request_file', files);
  // Rows a complete list no longer holds were removed on GitHub: one DELETE per table and page.
  const complete = (key: 'reviews' | 'comments' | 'commits' | 'files'): string[] =>
    withActivity
      .filter((record) => record.activity?.complete[key] === true)
      .map((record) => pullRequestId(record.repository, record.number));
  await removeMissingChildren(manager, 'pull_request_review', complete('reviews'), reviews);
  await removeMissingChildren(manager, 'pull_request_comment', complete('comments'), comments);
  await removeMissingChildren(manager, 'pull_request_commit', complete('commits'), commits);
  await removeMissingChildren(manager, 'pull_request_file', complete('files'), files);
}
