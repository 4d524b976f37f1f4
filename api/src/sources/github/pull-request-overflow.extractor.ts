import { z } from 'zod';
import type { GithubPullRequestRecord, OverflowConnection } from './github-records';
import {
  commitRecord,
  commitNode,
  connectionOf,
  earliest,
  fileNode,
  issueCommentNode,
  issueCommentRecord,
  labelNode,
  reviewCommentNode,
  reviewCommentRecord,
  reviewNode,
  reviewRecord,
  timelineNode,
  timelineTimes,
} from './pull-request.extractor';

/**
 * Reads: `PullRequestOverflow` and `ReviewCommentsOverflow` payloads. Writes: the pull request
 * record with the extra nodes added and its pending cursors moved on; a list whose last page
 * arrived is marked complete, so the converter can delete rows GitHub no longer lists. Pure.
 */

const rateLimit = z
  .object({ cost: z.number(), remaining: z.number(), resetAt: z.iso.datetime({ offset: true }) })
  .nullable();

export const pullRequestOverflowEnvelope = z.object({
  rateLimit,
  node: z
    .object({
      __typename: z.string(),
      reviews: connectionOf(reviewNode).optional(),
      comments: connectionOf(issueCommentNode).optional(),
      commits: connectionOf(commitNode).optional(),
      files: connectionOf(fileNode).optional(),
      timelineItems: connectionOf(timelineNode).optional(),
      labels: connectionOf(labelNode).optional(),
    })
    .nullable(),
});
export type PullRequestOverflowPayload = z.infer<typeof pullRequestOverflowEnvelope>;

export const reviewCommentsOverflowEnvelope = z.object({
  rateLimit,
  node: z
    .object({ __typename: z.string(), comments: connectionOf(reviewCommentNode).optional() })
    .nullable(),
});
export type ReviewCommentsOverflowPayload = z.infer<typeof reviewCommentsOverflowEnvelope>;

type Activity = NonNullable<GithubPullRequestRecord['activity']>;

function uniqueBy<T>(items: T[], keyOf: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(keyOf(item))) seen.set(keyOf(item), item);
  return [...seen.values()];
}

function withCompleteness(activity: Activity): Activity {
  const open = new Set(activity.pending.map((entry) => entry.connection));
  return {
    ...activity,
    complete: {
      reviews: !open.has('reviews'),
      comments:
        !open.has('reviews') &&
        !open.has('comments') &&
        activity.pendingReviewComments.length === 0,
      commits: !open.has('commits'),
      files: !open.has('files'),
    },
  };
}

/** The variables for the next overflow request of this record, or undefined when nothing is pending. */
export function nextOverflowVariables(
  record: GithubPullRequestRecord,
): Record<string, string | boolean | null> | undefined {
  const pending = record.activity?.pending ?? [];
  if (pending.length === 0) return undefined;
  const after = (connection: OverflowConnection): string | null =>
    pending.find((entry) => entry.connection === connection)?.after ?? null;
  const has = (connection: OverflowConnection): boolean =>
    pending.some((entry) => entry.connection === connection);
  return {
    id: record.nodeId,
    withReviews: has('reviews'),
    reviewsAfter: after('reviews'),
    withComments: has('comments'),
    commentsAfter: after('comments'),
    withCommits: has('commits'),
    commitsAfter: after('commits'),
    withFiles: has('files'),
    filesAfter: after('files'),
    withTimeline: has('timeline'),
    timelineAfter: after('timeline'),
    withLabels: has('labels'),
    labelsAfter: after('labels'),
  };
}

export function applyPullRequestOverflow(
  record: GithubPullRequestRecord,
  payload: PullRequestOverflowPayload,
): GithubPullRequestRecord {
  const activity = record.activity;
  const node = payload.node;
  if (activity === null || node === null) return record;
  const answered: [
    OverflowConnection,
    { pageInfo: { hasNextPage: boolean; endCursor?: string | null | undefined } } | undefined,
  ][] = [
    ['reviews', node.reviews],
    ['comments', node.comments],
    ['commits', node.commits],
    ['files', node.files],
    ['timeline', node.timelineItems],
    ['labels', node.labels],
  ];
  let pending = activity.pending;
  for (const [connection, list] of answered) {
    if (list === undefined) continue;
    pending = pending.filter((entry) => entry.connection !== connection);
    if (list.pageInfo.hasNextPage)
      pending.push({ connection, after: list.pageInfo.endCursor ?? null });
  }
  const reviews = node.reviews?.nodes ?? [];
  const times = timelineTimes(node.timelineItems?.nodes ?? []);
  return {
    ...record,
    labels: uniqueBy(
      [...record.labels, ...(node.labels?.nodes ?? []).map((label) => label.name)],
      (name) => name,
    ),
    readyForReviewAt: earliest([record.readyForReviewAt, times.readyForReviewAt]),
    firstReviewRequestAt: earliest([record.firstReviewRequestAt, times.firstReviewRequestAt]),
    activity: withCompleteness({
      ...activity,
      reviews: uniqueBy(
        [...activity.reviews, ...reviews.map(reviewRecord)],
        (review) => review.nodeId,
      ),
      comments: uniqueBy(
        [
          ...activity.comments,
          ...reviews.flatMap((review) =>
            review.comments.nodes.map((comment) => reviewCommentRecord(review.id, comment)),
          ),
          ...(node.comments?.nodes ?? []).map(issueCommentRecord),
        ],
        (comment) => comment.nodeId,
      ),
      commits: uniqueBy(
        [...activity.commits, ...(node.commits?.nodes ?? []).map(commitRecord)],
        (commit) => commit.sha,
      ),
      files: uniqueBy(
        [...activity.files, ...(node.files?.nodes ?? []).map((file) => ({ ...file }))],
        (file) => file.path,
      ),
      pending,
      pendingReviewComments: [
        ...activity.pendingReviewComments,
        ...reviews
          .filter((review) => review.comments.pageInfo.hasNextPage)
          .map((review) => ({
            reviewNodeId: review.id,
            after: review.comments.pageInfo.endCursor ?? null,
          })),
      ],
    }),
  };
}

export function applyReviewCommentsOverflow(
  record: GithubPullRequestRecord,
  reviewNodeId: string,
  payload: ReviewCommentsOverflowPayload,
): GithubPullRequestRecord {
  const activity = record.activity;
  const comments = payload.node?.comments;
  if (activity === null || comments === undefined) return record;
  const rest = activity.pendingReviewComments.filter(
    (entry) => entry.reviewNodeId !== reviewNodeId,
  );
  if (comments.pageInfo.hasNextPage)
    rest.push({ reviewNodeId, after: comments.pageInfo.endCursor ?? null });
  return {
    ...record,
    activity: withCompleteness({
      ...activity,
      comments: uniqueBy(
        [
          ...activity.comments,
          ...comments.nodes.map((comment) => reviewCommentRecord(reviewNodeId, comment)),
        ],
        (comment) => comment.nodeId,
      ),
      pendingReviewComments: rest,
    }),
  };
}
