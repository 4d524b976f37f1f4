import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'board' })
export class Board {
  /** `jira:board:<board id>`. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'board_id', type: 'integer' })
  boardId: number;

  @Column({ type: 'text' })
  name: string;

  /** scrum or kanban. */
  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'project_key', type: 'text', nullable: true })
  projectKey: string | null;

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}
