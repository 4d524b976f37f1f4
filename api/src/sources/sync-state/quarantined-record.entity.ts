import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A record that could not be read (malformed payload): kept with the reason, never dropped silently. */
@Entity({ name: 'quarantined_record' })
export class QuarantinedRecord {
  /** `${source}:${kind}:${sourceId}`: a record quarantined twice stays one row. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'raw_payload_id', type: 'bigint', nullable: true })
  rawPayloadId: string | null;

  @Column({ name: 'quarantined_at', type: 'timestamptz', default: () => 'now()' })
  quarantinedAt: Date;
}
