import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConnectionSystem } from '@rework-radar/shared';

/**
 * A GitHub or Jira connection entered in settings. Everything secret (tokens, webhook secrets)
 * lives only in `secrets`, encrypted with AES-256-GCM; `settings` holds what may be shown.
 */
@Entity({ name: 'connection_setting' })
export class ConnectionSetting {
  @PrimaryColumn({ type: 'text' })
  system: ConnectionSystem;

  /** URLs, organisation, repositories, projects, JQL, deployment kind. */
  @Column({ type: 'jsonb' })
  settings: Record<string, unknown>;

  /** The sealed JSON object of secrets (see secrets/secret-box.ts for the format). */
  @Column({ type: 'text' })
  secrets: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;
}
