import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A submitted review. Id: `github:review:<node id>`. */
@Entity({ name: 'pull_request_review' })
@Index('pull_request_review_pr_idx', ['pullRequestId'])
export class PullRequestReview {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'pull_request_id', type: 'text' })
  pullRequestId: string;

  @Column({ name: 'author_login', type: 'text', nullable: true })
  authorLogin: string | null;

  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING. */
  @Column({ type: 'text' })
  state: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}

export type PullRequestCommentKind = 'review' | 'issue';

/** A review (diff) comment or a conversation (issue) comment. Id: `github:comment:<node id>`. */
@Entity({ name: 'pull_request_comment' })
@Index('pull_request_comment_pr_idx', ['pullRequestId'])
export class PullRequestComment {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'pull_request_id', type: 'text' })
  pullRequestId: string;

  @Column({ type: 'text' })
  kind: PullRequestCommentKind;

  @Column({ name: 'review_id', type: 'text', nullable: true })
  reviewId: string | null;

  @Column({ name: 'author_login', type: 'text', nullable: true })
  authorLogin: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', nullable: true })
  path: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}

/** A commit of a pull request. Id: `<pull request id>@<sha>`. */
@Entity({ name: 'pull_request_commit' })
@Index('pull_request_commit_pr_idx', ['pullRequestId'])
export class PullRequestCommit {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'pull_request_id', type: 'text' })
  pullRequestId: string;

  @Column({ type: 'text' })
  sha: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'authored_at', type: 'timestamptz', nullable: true })
  authoredAt: Date | null;

  @Column({ name: 'author_login', type: 'text', nullable: true })
  authorLogin: string | null;

  @Column({ name: 'author_name', type: 'text', nullable: true })
  authorName: string | null;

  @Column({ name: 'author_email', type: 'text', nullable: true })
  authorEmail: string | null;

  /** `Name <email>` of each Co-authored-by trailer, in order. */
  @Column({ name: 'co_authors', type: 'text', array: true })
  coAuthors: string[];

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}

/** A file a pull request changed. Id: `<pull request id>:<path>`. */
@Entity({ name: 'pull_request_file' })
@Index('pull_request_file_pr_idx', ['pullRequestId'])
export class PullRequestFile {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'pull_request_id', type: 'text' })
  pullRequestId: string;

  @Column({ type: 'text' })
  path: string;

  @Column({ type: 'integer' })
  additions: number;

  @Column({ type: 'integer' })
  deletions: number;

  /** ADDED, DELETED, RENAMED, COPIED, MODIFIED, CHANGED. */
  @Column({ name: 'change_type', type: 'text' })
  changeType: string;

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}
