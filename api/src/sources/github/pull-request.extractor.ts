import { z } from 'zod';
import type {
  Extraction,
  GithubActor,
  GithubCommentRecord,
  GithubCommitRecord,
  GithubPullRequestRecord,
  GithubRepositoryRecord,
  GithubReviewRecord,
  OverflowConnection,
  RejectedRecord,
} from './github-records';

/** Reads: a `PullRequestPage` GraphQL payload. Writes: typed pull request source records. */

const isoTime = z.iso.datetime({ offset: true });
const graphqlActor = z.object({ __typename: z.string(), login: z.string() }).nullable();
const pageInfo = z.object({
  hasNextPage: z.boolean(),
  endCursor: z.string().nullable().optional(),
});

export function actorFromGraphql(actor: z.infer<typeof graphqlActor>): GithubActor | null {
  if (actor === null) return null;
  const isBot = actor.__typename === 'Bot';
  // GraphQL names a bot `dependabot`; REST and webhooks say `dependabot[bot]`: keep one form.
  return {
    login: isBot && !actor.login.endsWith('[bot]') ? `${actor.login}[bot]` : actor.login,
    isBot,
  };
}

export const reviewCommentNode = z.object({
  id: z.string(),
  body: z.string(),
  path: z.string(),
  createdAt: isoTime,
  author: graphqlActor,
});
export const issueCommentNode = z.object({
  id: z.string(),
  body: z.string(),
  createdAt: isoTime,
  author: graphqlActor,
});
export const reviewNode = z.object({
  id: z.string(),
  state: z.string(),
  body: z.string(),
  submittedAt: isoTime.nullable(),
  author: graphqlActor,
  comments: z.object({ pageInfo, nodes: z.array(reviewCommentNode) }),
});
export const commitNode = z.object({
  commit: z.object({
    oid: z.string(),
    message: z.string(),
    authoredDate: isoTime.nullable(),
    author: z
      .object({
        name: z.string().nullable(),
        email: z.string().nullable(),
        user: z.object({ login: z.string() }).nullable(),
      })
      .nullable(),
  }),
});
export const fileNode = z.object({
  path: z.string(),
  additions: z.number().int(),
  deletions: z.number().int(),
  changeType: z.string(),
});
export const timelineNode = z.object({ __typename: z.string(), createdAt: isoTime.optional() });
export const labelNode = z.object({ name: z.string() });

export const connectionOf = <T extends z.ZodType>(node: T) =>
  z.object({ pageInfo, nodes: z.array(node) });

const pullRequestNode = z.object({
  id: z.string(),
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string(),
  state: z.enum(['OPEN', 'MERGED', 'CLOSED']),
  isDraft: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
  mergedAt: isoTime.nullable(),
  closedAt: isoTime.nullable(),
  additions: z.number().int(),
  deletions: z.number().int(),
  changedFiles: z.number().int(),
  headRefName: z.string(),
  baseRefName: z.string(),
  mergeCommit: z.object({ oid: z.string() }).nullable(),
  author: graphqlActor,
  labels: connectionOf(labelNode),
  timelineItems: connectionOf(timelineNode),
  reviews: connectionOf(reviewNode),
  comments: connectionOf(issueCommentNode),
  commits: connectionOf(commitNode),
  files: connectionOf(fileNode),
});

const streamHead = z.object({ totalCount: z.number(), nodes: z.array(z.unknown()) });

/** The page's envelope: a broken one (e.g. a truncated body) is a failed request, not data. */
export const pullRequestPageEnvelope = z.object({
  rateLimit: z.object({ cost: z.number(), remaining: z.number(), resetAt: isoTime }).nullable(),
  repository: z.object({
    id: z.string(),
    nameWithOwner: z.string(),
    /** The web URL (clone URL without `.git`); absent in pages stored before it was asked for. */
    url: z.string().optional(),
    isPrivate: z.boolean(),
    createdAt: isoTime,
    defaultBranchRef: z.object({ name: z.string() }).nullable(),
    releases: streamHead.optional(),
    issues: streamHead.optional(),
    deployments: streamHead.optional(),
    pullRequests: z.object({
      pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
      nodes: z.array(z.unknown()),
    }),
  }),
});
export type PullRequestPage = z.infer<typeof pullRequestPageEnvelope>;

export function repositoryFromPage(page: PullRequestPage): GithubRepositoryRecord {
  return {
    nodeId: page.repository.id,
    fullName: page.repository.nameWithOwner,
    isPrivate: page.repository.isPrivate,
    createdAt: page.repository.createdAt,
    defaultBranch: page.repository.defaultBranchRef?.name ?? null,
  };
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`)
    .join('; ');
}

export function extractPullRequests(page: PullRequestPage): Extraction<GithubPullRequestRecord> {
  const records: GithubPullRequestRecord[] = [];
  const rejected: RejectedRecord[] = [];
  for (const [index, node] of page.repository.pullRequests.nodes.entries()) {
    const parsed = pullRequestNode.safeParse(node);
    if (!parsed.success) {
      const candidate = node as { id?: unknown; number?: unknown } | null;
      const sourceId =
        typeof candidate?.id === 'string'
          ? candidate.id
          : `${page.repository.nameWithOwner}#${typeof candidate?.number === 'number' ? candidate.number : `node-${index}`}`;
      rejected.push({ kind: 'pull-request', sourceId, reason: describe(parsed.error) });
      continue;
    }
    records.push(toRecord(page.repository.nameWithOwner, parsed.data));
  }
  return { records, rejected };
}

export function earliest(times: (string | undefined | null)[]): string | null {
  const present = times.filter((time): time is string => typeof time === 'string').sort();
  return present[0] ?? null;
}

export function reviewRecord(review: z.infer<typeof reviewNode>): GithubReviewRecord {
  return {
    nodeId: review.id,
    state: review.state,
    body: review.body,
    submittedAt: review.submittedAt,
    author: actorFromGraphql(review.author),
  };
}

export function reviewCommentRecord(
  reviewNodeId: string,
  comment: z.infer<typeof reviewCommentNode>,
): GithubCommentRecord {
  return {
    nodeId: comment.id,
    kind: 'review',
    reviewNodeId,
    body: comment.body,
    path: comment.path,
    createdAt: comment.createdAt,
    author: actorFromGraphql(comment.author),
  };
}

export function issueCommentRecord(comment: z.infer<typeof issueCommentNode>): GithubCommentRecord {
  return {
    nodeId: comment.id,
    kind: 'issue',
    reviewNodeId: null,
    body: comment.body,
    path: null,
    createdAt: comment.createdAt,
    author: actorFromGraphql(comment.author),
  };
}

export function commitRecord({ commit }: z.infer<typeof commitNode>): GithubCommitRecord {
  return {
    sha: commit.oid,
    message: commit.message,
    authoredAt: commit.authoredDate,
    authorName: commit.author?.name ?? null,
    authorEmail: commit.author?.email ?? null,
    authorLogin: commit.author?.user?.login ?? null,
  };
}

export function timelineTimes(nodes: z.infer<typeof timelineNode>[]): {
  readyForReviewAt: string | null;
  firstReviewRequestAt: string | null;
} {
  return {
    readyForReviewAt: earliest(
      nodes
        .filter((item) => item.__typename === 'ReadyForReviewEvent')
        .map((item) => item.createdAt),
    ),
    firstReviewRequestAt: earliest(
      nodes
        .filter((item) => item.__typename === 'ReviewRequestedEvent')
        .map((item) => item.createdAt),
    ),
  };
}

const pendingOf = (
  connection: OverflowConnection,
  info: z.infer<typeof pageInfo>,
): { connection: OverflowConnection; after: string | null }[] =>
  info.hasNextPage ? [{ connection, after: info.endCursor ?? null }] : [];

function toRecord(
  repository: string,
  node: z.infer<typeof pullRequestNode>,
): GithubPullRequestRecord {
  return {
    nodeId: node.id,
    repository,
    number: node.number,
    title: node.title,
    body: node.body,
    state: node.state === 'OPEN' ? 'open' : node.state === 'MERGED' ? 'merged' : 'closed',
    isDraft: node.isDraft,
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
    mergedAt: node.mergedAt,
    closedAt: node.closedAt,
    additions: node.additions,
    deletions: node.deletions,
    changedFiles: node.changedFiles,
    headRef: node.headRefName,
    baseRef: node.baseRefName,
    mergeCommitSha: node.mergeCommit?.oid ?? null,
    author: actorFromGraphql(node.author),
    labels: node.labels.nodes.map((label) => label.name),
    ...timelineTimes(node.timelineItems.nodes),
    activity: {
      reviews: node.reviews.nodes.map(reviewRecord),
      comments: [
        ...node.reviews.nodes.flatMap((review) =>
          review.comments.nodes.map((comment) => reviewCommentRecord(review.id, comment)),
        ),
        ...node.comments.nodes.map(issueCommentRecord),
      ],
      commits: node.commits.nodes.map(commitRecord),
      files: node.files.nodes.map((file) => ({ ...file })),
      complete: {
        reviews: !node.reviews.pageInfo.hasNextPage,
        comments:
          !node.comments.pageInfo.hasNextPage &&
          !node.reviews.pageInfo.hasNextPage &&
          node.reviews.nodes.every((review) => !review.comments.pageInfo.hasNextPage),
        commits: !node.commits.pageInfo.hasNextPage,
        files: !node.files.pageInfo.hasNextPage,
      },
      pending: [
        ...pendingOf('reviews', node.reviews.pageInfo),
        ...pendingOf('comments', node.comments.pageInfo),
        ...pendingOf('commits', node.commits.pageInfo),
        ...pendingOf('files', node.files.pageInfo),
        ...pendingOf('timeline', node.timelineItems.pageInfo),
        ...pendingOf('labels', node.labels.pageInfo),
      ],
      pendingReviewComments: node.reviews.nodes
        .filter((review) => review.comments.pageInfo.hasNextPage)
        .map((review) => ({
          reviewNodeId: review.id,
          after: review.comments.pageInfo.endCursor ?? null,
        })),
    },
  };
}
