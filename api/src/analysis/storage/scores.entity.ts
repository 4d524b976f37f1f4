import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export interface StoredScoreComponent {
  name: string;
  points: number;
  max: number;
  reason: string;
}

export interface ContextDetails {
  acceptanceCriteria: { found: boolean; source: string | null };
  descriptionWords: number;
  thinDescription: boolean;
  churn: Array<{ fieldKey: string; changedAt: string }>;
  designLinks: string[];
}

/** A work item's context score as it was when work started (rebuilt from the changelog). */
@Entity({ name: 'work_item_context' })
@Index('work_item_context_started_idx', ['startedAt'])
export class WorkItemContext {
  @PrimaryColumn({ name: 'work_item_id', type: 'text' })
  workItemId: string;

  @Column({ name: 'work_item_key', type: 'text' })
  workItemKey: string;

  /** The earlier of the first move to in progress and the first PR's opening, else creation. */
  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'started_from', type: 'text' })
  startedFrom: string;

  /** First move to an in-progress status, null if never (work item cycle time starts here). */
  @Column({ name: 'in_progress_at', type: 'timestamptz', nullable: true })
  inProgressAt: Date | null;

  @Column({ type: 'integer' })
  score: number;

  @Column({ type: 'jsonb' })
  components: StoredScoreComponent[];

  @Column({ type: 'jsonb' })
  details: ContextDetails;
}

/** Review calibration of one merged pull request: risk, depth and the two flags. */
@Entity({ name: 'pull_request_review_score' })
export class PullRequestReviewScore {
  @PrimaryColumn({ name: 'pull_request_id', type: 'text' })
  pullRequestId: string;

  @Column({ type: 'double precision' })
  risk: number;

  @Column({ type: 'double precision' })
  depth: number;

  @Column({ name: 'risk_components', type: 'jsonb' })
  riskComponents: StoredScoreComponent[];

  @Column({ name: 'depth_components', type: 'jsonb' })
  depthComponents: StoredScoreComponent[];

  @Column({ name: 'rubber_stamp', type: 'boolean' })
  rubberStamp: boolean;

  @Column({ name: 'over_review', type: 'boolean' })
  overReview: boolean;
}
