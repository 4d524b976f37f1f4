import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Clarifying questions asked on one pull request (any state): review bodies and comments by
 * people other than its author, bots excluded, classified by `classifyClarifyingComment`. A row
 * exists for every PR the analysis looked at, so "0" (asked nothing) differs from "not analysed".
 */
@Entity({ name: 'pull_request_clarification' })
export class PullRequestClarification {
  @PrimaryColumn({ name: 'pull_request_id', type: 'text' })
  pullRequestId: string;

  @Column({ type: 'integer' })
  questions: number;

  /** Asked before the merge (all of them for a PR that never merged). */
  @Column({ name: 'questions_before_merge', type: 'integer' })
  questionsBeforeMerge: number;

  @Column({ name: 'first_asked_at', type: 'timestamptz', nullable: true })
  firstAskedAt: Date | null;
}

/** Clarifying questions in one work item's comments; a row for every work item analysed. */
@Entity({ name: 'work_item_clarification' })
export class WorkItemClarification {
  @PrimaryColumn({ name: 'work_item_id', type: 'text' })
  workItemId: string;

  @Column({ name: 'work_item_key', type: 'text' })
  workItemKey: string;

  @Column({ type: 'integer' })
  questions: number;

  @Column({ name: 'first_asked_at', type: 'timestamptz', nullable: true })
  firstAskedAt: Date | null;
}
