import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A Jira issue as it is now (domain layer). Its history is in work_item_change. */
@Entity({ name: 'work_item' })
@Index('work_item_key_uq', ['key'], { unique: true })
@Index('work_item_project_idx', ['projectKey', 'updatedAt'])
@Index('work_item_resolved_idx', ['resolvedAt'])
export class WorkItem {
  /** `jira:<issue id>`: stable when an issue moves project and changes key. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ name: 'project_key', type: 'text' })
  projectKey: string;

  @Column({ name: 'issue_type', type: 'text' })
  issueType: string;

  @Column({ name: 'is_subtask', type: 'boolean', default: false })
  isSubtask: boolean;

  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'status_id', type: 'text' })
  statusId: string;

  /** Jira's status category key: `new`, `indeterminate` or `done`. */
  @Column({ name: 'status_category', type: 'text' })
  statusCategory: string;

  @Column({ type: 'text' })
  summary: string;

  /** Plain text (ADF rendered with its structure kept; wiki markup on Data Center). */
  @Column({ name: 'description_text', type: 'text', nullable: true })
  descriptionText: string | null;

  /** The acceptance criteria custom field's value, as text. */
  @Column({ name: 'acceptance_criteria_field_text', type: 'text', nullable: true })
  acceptanceCriteriaFieldText: string | null;

  /** Acceptance criteria found now (field, heading, checklist or Given/When/Then). */
  @Column({ name: 'acceptance_criteria_text', type: 'text', nullable: true })
  acceptanceCriteriaText: string | null;

  @Column({ name: 'acceptance_criteria_source', type: 'text', nullable: true })
  acceptanceCriteriaSource: string | null;

  @Column({ name: 'story_points', type: 'double precision', nullable: true })
  storyPoints: number | null;

  @Column({ name: 'parent_key', type: 'text', nullable: true })
  parentKey: string | null;

  @Column({ name: 'epic_key', type: 'text', nullable: true })
  epicKey: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  labels: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  components: string[];

  @Column({ name: 'fix_versions', type: 'text', array: true, default: () => "'{}'" })
  fixVersions: string[];

  @Column({ name: 'sprint_ids', type: 'integer', array: true, default: () => "'{}'" })
  sprintIds: number[];

  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Column({ name: 'assignee_identity_id', type: 'text', nullable: true })
  assigneeIdentityId: string | null;

  @Column({ name: 'reporter_identity_id', type: 'text', nullable: true })
  reporterIdentityId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** Done -> not done transitions in the changelog. */
  @Column({ name: 'reopen_count', type: 'integer', default: 0 })
  reopenCount: number;

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}
