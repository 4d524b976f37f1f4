import { z } from 'zod';

/** Which PostgreSQL the api runs on: the embedded engine under DATA_DIR, or DATABASE_URL. */
export const databaseEngineSchema = z.enum(['embedded', 'external']);
export type DatabaseEngine = z.infer<typeof databaseEngineSchema>;

export const migrationStateSchema = z.object({
  applied: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  latest: z.string().nullable(),
  upToDate: z.boolean(),
});
export type MigrationState = z.infer<typeof migrationStateSchema>;

/** `GET /api/health`: answered 200 when the database is reachable and migrated, 503 otherwise. */
export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  checkedAt: z.iso.datetime(),
  database: z.object({
    engine: databaseEngineSchema,
    reachable: z.boolean(),
    serverVersion: z.string().nullable(),
    migrations: migrationStateSchema.nullable(),
  }),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
