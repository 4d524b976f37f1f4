import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A GitHub repository. Id: `github:owner/name` (lower case), stable across renames of case. */
@Entity({ name: 'repository' })
@Index('repository_full_name_uq', ['fullName'], { unique: true })
export class Repository {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ type: 'text' })
  owner: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'default_branch', type: 'text', nullable: true })
  defaultBranch: string | null;

  @Column({ name: 'is_private', type: 'boolean' })
  isPrivate: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'raw_payload_id', type: 'bigint' })
  rawPayloadId: string;
}
