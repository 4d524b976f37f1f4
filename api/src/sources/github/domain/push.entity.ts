import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One commit of a push, as the push webhook describes it. */
export interface PushCommit {
  sha: string;
  message: string;
  timestamp: string | null;
  authorName: string | null;
  authorEmail: string | null;
  authorLogin: string | null;
  /** `Name <email>` of each `Co-authored-by` trailer. */
  coAuthors: string[];
}

/**
 * A push to a branch (from the `push` webhook), so direct pushes to the default branch that no
 * pull request carried are visible. Id: `<repository id>:<ref>:<before>..<after>`, the same for
 * a redelivery of the same push.
 */
@Entity({ name: 'github_push' })
@Index('github_push_repository_idx', ['repositoryId', 'pushedAt'])
export class GithubPush {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'repository_id', type: 'text' })
  repositoryId: string;

  @Column({ type: 'text' })
  ref: string;

  @Column({ name: 'before_sha', type: 'text' })
  beforeSha: string;

  @Column({ name: 'after_sha', type: 'text' })
  afterSha: string;

  @Column({ name: 'is_default_branch', type: 'boolean' })
  isDefaultBranch: boolean;

  @Column({ type: 'boolean' })
  created: boolean;

  @Column({ type: 'boolean' })
  deleted: boolean;

  @Column({ type: 'boolean' })
  forced: boolean;

  @Column({ name: 'pusher_login', type: 'text', nullable: true })
  pusherLogin: string | null;

  @Column({ name: 'pushed_at', type: 'timestamptz' })
  pushedAt: Date;

  @Column({ name: 'delivery_id', type: 'text' })
  deliveryId: string;

  @Column({ type: 'jsonb' })
  commits: PushCommit[];

  @Column({ name: 'commit_shas', type: 'text', array: true })
  commitShas: string[];

  /** Pull requests (ids) known, when the push arrived, to carry these commits or merge into `after`. */
  @Column({ name: 'pull_request_ids', type: 'text', array: true })
  pullRequestIds: string[];

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}
