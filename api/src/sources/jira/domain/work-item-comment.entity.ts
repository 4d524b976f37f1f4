import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'work_item_comment' })
@Index('work_item_comment_item_idx', ['workItemId'])
export class WorkItemComment {
  /** `jira:comment:<comment id>`. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'work_item_id', type: 'text' })
  workItemId: string;

  @Column({ name: 'author_identity_id', type: 'text', nullable: true })
  authorIdentityId: string | null;

  @Column({ name: 'body_text', type: 'text' })
  bodyText: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}
