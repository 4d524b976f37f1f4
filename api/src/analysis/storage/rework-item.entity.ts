import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ReworkKind = 'revert' | 'follow-up-fix' | 'reopened' | 'linked-bug' | 'incident';

/** How a rework item was found and how it was tied to its origin: the rule and the facts behind it. */
export interface ReworkDetection {
  /** Every rule that found this rework (one item can be found twice, e.g. a traced fix of a linked bug). */
  rules: string[];
  /** One sentence per fact, in the order the rules used them. */
  facts: string[];
  /** Links to what the facts name (PRs, tickets, deployments). */
  links: Array<{ label: string; url: string }>;
}

/**
 * A piece of rework (layer 3). Id: `<kind>:<rework source key>` (e.g. `revert:github:acme/api#12`),
 * so re-analysis finds the same row and overrides stay attached.
 */
@Entity({ name: 'rework_item' })
@Index('rework_item_occurred_idx', ['occurredAt', 'id'])
@Index('rework_item_kind_idx', ['kind'])
@Index('rework_item_repository_cause_occurred_idx', [
  'repositoryId',
  'effectiveCause',
  'occurredAt',
  'id',
])
@Index('rework_item_cause_occurred_idx', ['effectiveCause', 'occurredAt', 'id'])
export class ReworkItem {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  kind: ReworkKind;

  /** The repository of the rework (or of its origin when the rework has no PR). */
  @Column({ name: 'repository_id', type: 'text', nullable: true })
  repositoryId: string | null;

  @Column({ name: 'rework_pull_request_ids', type: 'text', array: true })
  reworkPullRequestIds: string[];

  @Column({ name: 'rework_work_item_keys', type: 'text', array: true })
  reworkWorkItemKeys: string[];

  @Column({ name: 'incident_id', type: 'text', nullable: true })
  incidentId: string | null;

  @Column({ name: 'origin_pull_request_ids', type: 'text', array: true })
  originPullRequestIds: string[];

  @Column({ name: 'origin_work_item_keys', type: 'text', array: true })
  originWorkItemKeys: string[];

  /** The rule that decided the kind (e.g. `revert:reverts-commit`, `szz-trace`, `deployment-window`). */
  @Column({ name: 'detection_rule', type: 'text' })
  detectionRule: string;

  @Column({ type: 'jsonb' })
  detection: ReworkDetection;

  @Column({ name: 'effort_pull_requests', type: 'integer' })
  effortPullRequests: number;

  @Column({ name: 'effort_lines', type: 'integer' })
  effortLines: number;

  @Column({ name: 'effort_cycle_hours', type: 'double precision', nullable: true })
  effortCycleHours: number | null;

  /** When the rework happened (the fix merged, the item reopened, the incident started). */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** When the analysis first found it; kept on later runs. */
  @Column({ name: 'detected_at', type: 'timestamptz' })
  detectedAt: Date;

  @Column({ name: 'model_version', type: 'integer' })
  modelVersion: number;

  /**
   * The latest override, else the current model's cause, else `unknown`: maintained by database
   * triggers (migration 1764560000000) for the indexed cause filter; never written by the app.
   */
  @Column({
    name: 'effective_cause',
    type: 'text',
    default: 'unknown',
    insert: false,
    update: false,
  })
  effectiveCause: 'missing_context' | 'execution' | 'unknown';
}
