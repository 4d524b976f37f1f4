import type { EntityManager } from 'typeorm';
import type { IdentitySystem } from './identity.entity';

export interface IdentityInput {
  id: string;
  externalId: string;
  displayName: string | null;
  email: string | null;
  isBot: boolean;
  rawPayloadId: string | null;
}

/**
 * Upserts identities of one system. Never touches `person_id` (the merge owns it); keeps a known
 * email when the source hides it now; writes only rows whose values changed.
 */
export async function upsertIdentities(
  manager: EntityManager,
  system: IdentitySystem,
  identities: readonly IdentityInput[],
): Promise<void> {
  const unique = [...new Map(identities.map((identity) => [identity.id, identity])).values()];
  for (let start = 0; start < unique.length; start += 5000) {
    const chunk = unique.slice(start, start + 5000);
    const params: unknown[] = [];
    const tuples = chunk.map((identity) => {
      const values = [
        identity.id,
        system,
        identity.externalId,
        identity.displayName,
        identity.email,
        identity.isBot,
        identity.rawPayloadId,
      ];
      return `(${values.map((value) => `$${params.push(value)}`).join(', ')}, now())`;
    });
    await manager.query(
      `INSERT INTO "identity" ("id", "system", "external_id", "display_name", "email", "is_bot", "raw_payload_id", "updated_at")
       VALUES ${tuples.join(', ')}
       ON CONFLICT ("id") DO UPDATE SET
         "display_name" = COALESCE(EXCLUDED."display_name", "identity"."display_name"),
         "email" = COALESCE(EXCLUDED."email", "identity"."email"),
         "is_bot" = EXCLUDED."is_bot",
         "raw_payload_id" = EXCLUDED."raw_payload_id",
         "updated_at" = now()
       WHERE (COALESCE(EXCLUDED."display_name", "identity"."display_name"), COALESCE(EXCLUDED."email", "identity"."email"), EXCLUDED."is_bot")
         IS DISTINCT FROM ("identity"."display_name", "identity"."email", "identity"."is_bot")`,
      params,
    );
  }
}
