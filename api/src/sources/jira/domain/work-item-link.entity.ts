import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An issue link seen from one side: each link gives a row on each of its two issues. */
@Entity({ name: 'work_item_link' })
@Index('work_item_link_item_idx', ['workItemId'])
@Index('work_item_link_other_idx', ['otherKey'])
export class WorkItemLink {
  /** `jira:link:<link id>:<issue id>`. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'work_item_id', type: 'text' })
  workItemId: string;

  @Column({ name: 'link_id', type: 'text' })
  linkId: string;

  /** The link type's name (`Blocks`, `Causes`, `Relates`). */
  @Column({ name: 'link_type', type: 'text' })
  linkType: string;

  /** `outward`: this item -> other ("causes"); `inward`: other -> this item ("is caused by"). */
  @Column({ type: 'text' })
  direction: 'inward' | 'outward';

  /** The phrase read from this item's side, e.g. "is caused by". */
  @Column({ type: 'text' })
  relation: string;

  @Column({ name: 'other_key', type: 'text' })
  otherKey: string;

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}
