import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A stay of a work item in a sprint, reconstructed from the Sprint field's changelog: committed at
 * sprint start = a stay that covers the start; completed = resolved while in the sprint.
 */
@Entity({ name: 'work_item_sprint' })
@Index('work_item_sprint_item_idx', ['workItemId'])
@Index('work_item_sprint_sprint_idx', ['sprintId'])
export class WorkItemSprint {
  /** `<work item id>:<sprint id>:<added at, ms>`. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'work_item_id', type: 'text' })
  workItemId: string;

  @Column({ name: 'sprint_id', type: 'integer' })
  sprintId: number;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;

  /** Null while the item is still in the sprint. */
  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}
