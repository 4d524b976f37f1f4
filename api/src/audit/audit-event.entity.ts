import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what: overrides, settings, connections, accounts and roles. Never updated. */
@Entity({ name: 'audit_event' })
@Index('audit_event_at_idx', ['at'])
export class AuditEventRow {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** Null when the system acted (first-run admin, a key rotation from the command line). */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** The actor's e-mail at the time, or `system`. */
  @Column({ type: 'text' })
  actor: string;

  /** e.g. `rework.override`, `user.role-changed`, `connection.updated`. */
  @Column({ type: 'text' })
  action: string;

  /** What was changed: a rework item id, a user e-mail, `github`. */
  @Column({ type: 'text' })
  target: string;

  /** Before/after values; never secrets. */
  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;
}
