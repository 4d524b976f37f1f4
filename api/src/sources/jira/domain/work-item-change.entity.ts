import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One field change of a work item's changelog. */
@Entity({ name: 'work_item_change' })
@Index('work_item_change_item_idx', ['workItemId', 'changedAt'])
export class WorkItemChange {
  /** `jira:<issue id>:<history id>:<item index>`. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'work_item_id', type: 'text' })
  workItemId: string;

  @Column({ name: 'history_id', type: 'text' })
  historyId: string;

  /** The field as Jira names it (`status`, `Sprint`, `Story Points`). */
  @Column({ type: 'text' })
  field: string;

  /** Normalised: status, description, acceptance_criteria, story_points, sprint, epic... */
  @Column({ name: 'field_key', type: 'text' })
  fieldKey: string;

  @Column({ name: 'field_id', type: 'text', nullable: true })
  fieldId: string | null;

  @Column({ name: 'from_value', type: 'text', nullable: true })
  fromValue: string | null;

  @Column({ name: 'from_string', type: 'text', nullable: true })
  fromText: string | null;

  @Column({ name: 'to_value', type: 'text', nullable: true })
  toValue: string | null;

  /** `toText`, not `toString`: a property must not shadow Object.prototype.toString. */
  @Column({ name: 'to_string', type: 'text', nullable: true })
  toText: string | null;

  @Column({ name: 'author_identity_id', type: 'text', nullable: true })
  authorIdentityId: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}
