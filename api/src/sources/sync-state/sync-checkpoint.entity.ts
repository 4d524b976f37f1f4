import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JsonDocument } from '../raw/raw-payload.entity';

/**
 * Where a stream of a sync stopped (e.g. github / acme/api / pull-requests). Written in the same
 * transaction as the page it follows, so a crash resumes exactly after the last stored page.
 */
@Entity({ name: 'sync_checkpoint' })
export class SyncCheckpoint {
  @PrimaryColumn({ type: 'text' })
  source: string;

  @PrimaryColumn({ type: 'text' })
  scope: string;

  @PrimaryColumn({ type: 'text' })
  stream: string;

  @Column({ type: 'jsonb' })
  cursor: JsonDocument;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
