import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type PullRequestState = 'open' | 'merged' | 'closed';

/** A pull request. Id: `github:owner/name#number`. */
@Entity({ name: 'pull_request' })
@Index('pull_request_repository_idx', ['repositoryId', 'number'], { unique: true })
@Index('pull_request_merged_idx', ['mergedAt'])
@Index('pull_request_merge_commit_idx', ['repositoryId', 'mergeCommitSha'])
export class PullRequest {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'repository_id', type: 'text' })
  repositoryId: string;

  @Column({ type: 'integer' })
  number: number;

  @Column({ name: 'source_id', type: 'text' })
  sourceId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'author_login', type: 'text', nullable: true })
  authorLogin: string | null;

  @Column({ type: 'text' })
  state: PullRequestState;

  @Column({ name: 'is_draft', type: 'boolean' })
  isDraft: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'merged_at', type: 'timestamptz', nullable: true })
  mergedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'first_review_at', type: 'timestamptz', nullable: true })
  firstReviewAt: Date | null;

  @Column({ name: 'ready_for_review_at', type: 'timestamptz', nullable: true })
  readyForReviewAt: Date | null;

  @Column({ name: 'first_review_request_at', type: 'timestamptz', nullable: true })
  firstReviewRequestAt: Date | null;

  @Column({ type: 'integer' })
  additions: number;

  @Column({ type: 'integer' })
  deletions: number;

  @Column({ name: 'changed_files', type: 'integer' })
  changedFiles: number;

  @Column({ name: 'head_ref', type: 'text' })
  headRef: string;

  @Column({ name: 'base_ref', type: 'text' })
  baseRef: string;

  @Column({ name: 'merge_commit_sha', type: 'text', nullable: true })
  mergeCommitSha: string | null;

  @Column({ name: 'is_agent', type: 'boolean' })
  isAgent: boolean;

  @Column({ type: 'text', array: true })
  labels: string[];

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}
