import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'sprint' })
export class Sprint {
  /** `jira:sprint:<sprint id>`. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'sprint_id', type: 'integer' })
  sprintId: number;

  @Column({ name: 'board_id', type: 'integer', nullable: true })
  boardId: number | null;

  @Column({ type: 'text' })
  name: string;

  /** future, active or closed. */
  @Column({ type: 'text' })
  state: string;

  @Column({ name: 'start_at', type: 'timestamptz', nullable: true })
  startAt: Date | null;

  @Column({ name: 'end_at', type: 'timestamptz', nullable: true })
  endAt: Date | null;

  @Column({ name: 'complete_at', type: 'timestamptz', nullable: true })
  completeAt: Date | null;

  @Column({ type: 'text', nullable: true })
  goal: string | null;

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}
