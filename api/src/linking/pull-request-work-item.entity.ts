import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type WorkItemLinkRule = 'title' | 'branch' | 'body' | 'commit-message';

/**
 * A pull request linked to a Jira work item by one rule, with the text that made the link.
 * Id: `<pull_request_id>|<work item key>|<rule>`, so re-running the linking rewrites nothing.
 */
@Entity({ name: 'pull_request_work_item' })
@Index('pull_request_work_item_pr_idx', ['pullRequestId'])
@Index('pull_request_work_item_key_idx', ['workItemKey'])
export class PullRequestWorkItem {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'pull_request_id', type: 'text' })
  pullRequestId: string;

  @Column({ name: 'work_item_key', type: 'text' })
  workItemKey: string;

  @Column({ type: 'text' })
  rule: WorkItemLinkRule;

  /** An excerpt of the title, branch, body or commit message where the key was found. */
  @Column({ type: 'text' })
  evidence: string;

  /** False while the work item has not been synced (the key's project is known); resolved later. */
  @Column({ name: 'work_item_present', type: 'boolean' })
  workItemPresent: boolean;

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt: Date;
}
