/**
 * Source records: what the extractors read out of GitHub payloads, typed and validated, before
 * the converters map them to domain rows. Times stay ISO strings here.
 */
export interface GithubActor {
  /** REST form: bots carry the `[bot]` suffix whichever API they came from. */
  login: string;
  isBot: boolean;
}

export interface GithubRepositoryRecord {
  nodeId: string;
  fullName: string;
  isPrivate: boolean;
  createdAt: string;
  defaultBranch: string | null;
}

export interface GithubReviewRecord {
  nodeId: string;
  state: string;
  body: string;
  submittedAt: string | null;
  author: GithubActor | null;
}

export interface GithubCommentRecord {
  nodeId: string;
  kind: 'review' | 'issue';
  reviewNodeId: string | null;
  body: string;
  path: string | null;
  createdAt: string;
  author: GithubActor | null;
}

export interface GithubCommitRecord {
  sha: string;
  message: string;
  authoredAt: string | null;
  authorName: string | null;
  authorEmail: string | null;
  authorLogin: string | null;
}

export interface GithubFileRecord {
  path: string;
  additions: number;
  deletions: number;
  changeType: string;
}

export type OverflowConnection =
  'reviews' | 'comments' | 'commits' | 'files' | 'timeline' | 'labels';

export interface GithubPullRequestRecord {
  nodeId: string;
  repository: string;
  number: number;
  title: string;
  body: string;
  state: 'open' | 'merged' | 'closed';
  isDraft: boolean;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  additions: number;
  deletions: number;
  changedFiles: number;
  headRef: string;
  baseRef: string;
  mergeCommitSha: string | null;
  author: GithubActor | null;
  labels: string[];
  readyForReviewAt: string | null;
  firstReviewRequestAt: string | null;
  /** Null when the payload did not carry the nested lists (e.g. a webhook): keep what is stored. */
  activity: {
    reviews: GithubReviewRecord[];
    comments: GithubCommentRecord[];
    commits: GithubCommitRecord[];
    files: GithubFileRecord[];
    /** Per list: true when the payload held all of it, so rows missing from it can be removed. */
    complete: { reviews: boolean; comments: boolean; commits: boolean; files: boolean };
    /** Lists that overflowed the page, with the cursor to read on from (null: from the start). */
    pending: { connection: OverflowConnection; after: string | null }[];
    /** Reviews whose comments overflowed. */
    pendingReviewComments: { reviewNodeId: string; after: string | null }[];
  } | null;
}

export interface GithubDeploymentRecord {
  databaseId: string;
  repository: string;
  environment: string;
  sha: string;
  ref: string | null;
  creator: GithubActor | null;
  createdAt: string;
  status: string | null;
  statusAt: string | null;
}

export interface GithubReleaseRecord {
  databaseId: string;
  repository: string;
  tagName: string;
  name: string | null;
  author: GithubActor | null;
  isDraft: boolean;
  isPrerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
}

export interface GithubIssueRecord {
  repository: string;
  number: number;
  title: string;
  body: string;
  state: string;
  labels: string[];
  author: GithubActor | null;
  createdAt: string;
  closedAt: string | null;
  isPullRequest: boolean;
}

/** A record the extractor could not read: quarantined with its reason, the sync goes on. */
export interface RejectedRecord {
  kind: string;
  sourceId: string;
  reason: string;
}

export interface Extraction<T> {
  records: T[];
  rejected: RejectedRecord[];
}
