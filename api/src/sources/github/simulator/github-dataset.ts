/**
 * The simulator's world as plain data. A demo-organisation generator fills it; the simulator
 * serves it through REST and GraphQL in GitHub's shapes. Times are ISO 8601 strings in UTC.
 * Ids are GitHub's numeric `databaseId`s; the simulator derives node ids from them.
 */
export interface GithubDataset {
  organization: string;
  users: SimUser[];
  repositories: SimRepository[];
}

export interface SimUser {
  login: string;
  databaseId: number;
  /** Bots log in as `name[bot]` in REST and appear as `Bot` actors in GraphQL. */
  type: 'User' | 'Bot';
  name: string | null;
  email: string | null;
}

export interface SimRepository {
  databaseId: number;
  owner: string;
  name: string;
  isPrivate: boolean;
  defaultBranch: string;
  createdAt: string;
  updatedAt: string;
  pullRequests: SimPullRequest[];
  deployments: SimDeployment[];
  releases: SimRelease[];
  issues: SimIssue[];
  /**
   * A git repository (bare, or a work tree with `.git`) that the simulator serves over smart
   * HTTP at `/{owner}/{name}.git`, as GitHub does; without it a clone answers 404.
   */
  gitDir?: string;
}

export type SimPullRequestState = 'OPEN' | 'MERGED' | 'CLOSED';

export interface SimPullRequest {
  databaseId: number;
  number: number;
  title: string;
  body: string;
  /** Login of the author (a user of the dataset). */
  author: string;
  state: SimPullRequestState;
  isDraft: boolean;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  headRefName: string;
  baseRefName: string;
  mergeCommitSha: string | null;
  labels: string[];
  reviews: SimReview[];
  comments: SimIssueComment[];
  commits: SimCommit[];
  files: SimChangedFile[];
  timeline: SimTimelineEvent[];
}

export type SimReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';

export interface SimReview {
  databaseId: number;
  author: string;
  state: SimReviewState;
  body: string;
  submittedAt: string;
  comments: SimReviewComment[];
}

export interface SimReviewComment {
  databaseId: number;
  author: string;
  body: string;
  path: string;
  createdAt: string;
}

export interface SimIssueComment {
  databaseId: number;
  author: string;
  body: string;
  createdAt: string;
}

export interface SimCommit {
  sha: string;
  /** Full message, trailers included (e.g. `Co-authored-by: Name <email>`). */
  message: string;
  authoredDate: string;
  /** Login of the GitHub user matched to the author email, or null when none matched. */
  authorLogin: string | null;
  authorName: string;
  authorEmail: string;
}

export type SimChangeType = 'ADDED' | 'DELETED' | 'RENAMED' | 'COPIED' | 'MODIFIED' | 'CHANGED';

export interface SimChangedFile {
  path: string;
  additions: number;
  deletions: number;
  changeType: SimChangeType;
}

export type SimTimelineEvent =
  | { kind: 'READY_FOR_REVIEW_EVENT'; createdAt: string; actor: string }
  | { kind: 'REVIEW_REQUESTED_EVENT'; createdAt: string; actor: string; requestedReviewer: string };

export type SimDeploymentState =
  'SUCCESS' | 'FAILURE' | 'ERROR' | 'IN_PROGRESS' | 'PENDING' | 'QUEUED' | 'INACTIVE';

export interface SimDeployment {
  databaseId: number;
  environment: string;
  sha: string;
  ref: string;
  creator: string;
  createdAt: string;
  /** Oldest first; the last one is the latest status. */
  statuses: {
    databaseId: number;
    state: SimDeploymentState;
    description: string;
    createdAt: string;
  }[];
}

export interface SimRelease {
  databaseId: number;
  tagName: string;
  name: string;
  author: string;
  isDraft: boolean;
  isPrerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
}

export interface SimIssue {
  databaseId: number;
  number: number;
  title: string;
  body: string;
  author: string;
  state: 'open' | 'closed';
  labels: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** Node ids the simulator hands out; opaque to clients, stable per record. */
export const nodeIdOf = (kind: string, databaseId: number | string): string =>
  Buffer.from(`${kind}:${databaseId}`).toString('base64url');
