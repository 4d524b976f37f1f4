import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AuditEventRow } from './audit-event.entity';

export interface AuditEntry {
  /** The signed-in caller, or `system` for start-up and command-line changes. */
  actor: Principal | 'system';
  action: string;
  target: string;
  /** Before/after values. Callers must leave secrets out. */
  details?: Record<string, unknown>;
}

/** Appends one audit event; pass the transaction's manager so the event and the change land together. */
export async function recordAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  const row = manager.create(AuditEventRow, {
    at: new Date(),
    actorUserId: entry.actor === 'system' ? null : entry.actor.userId,
    actor: entry.actor === 'system' ? 'system' : entry.actor.email,
    action: entry.action,
    target: entry.target,
    details: entry.details ?? {},
  });
  await manager.save(row);
}
