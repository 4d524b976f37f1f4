import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type IdentitySystem = 'github' | 'jira';

/**
 * An account in one source system. Connectors upsert these; the identity merge links them to a
 * person (by email, then by configured mapping); unmatched ones are listed for an admin.
 */
@Entity({ name: 'identity' })
@Index('identity_person_idx', ['personId'])
@Index('identity_email_idx', ['email'])
export class Identity {
  /** `${system}:${externalId}`, so re-syncs address the same row. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  system: IdentitySystem;

  /** GitHub login (lower case) or Jira accountId (Cloud) / user key (Data Center). */
  @Column({ name: 'external_id', type: 'text' })
  externalId: string;

  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ name: 'is_bot', type: 'boolean', default: false })
  isBot: boolean;

  @Column({ name: 'person_id', type: 'text', nullable: true })
  personId: string | null;

  /** Lineage: the raw payload this identity was last read from. */
  @Column({ name: 'raw_payload_id', type: 'bigint', nullable: true })
  rawPayloadId: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
