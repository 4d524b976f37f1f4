import { z } from 'zod';
import { connectionSystemSchema } from './connections.js';
import { pageCursorSchema, pageLimitSchema, paginated } from './pagination.js';

/**
 * What the settings page reads (admin): the sync queue (`GET /api/sync/status`, its live
 * `GET /api/sync/events`, `POST /api/sync`), quarantined records (`GET /api/sync/quarantine`),
 * identities still to map (`GET /api/identities/unmatched`) and the rules in force
 * (`GET /api/settings/rules`).
 */

/**
 * The job kinds on the queue. A scope never runs twice at once and is queued at most once; the
 * payload of each kind lives with the workers. `refresh-rollups` recomputes the dashboard's
 * numbers after an override or a model change.
 */
export const jobQueues = [
  'sync-github',
  'sync-jira',
  'after-sync',
  'reanalyse',
  'refresh-rollups',
] as const;
export type JobQueueName = (typeof jobQueues)[number];

/** A job's state as pg-boss keeps it. */
export const jobStates = [
  'created',
  'retry',
  'active',
  'completed',
  'cancelled',
  'failed',
] as const;
export type JobState = (typeof jobStates)[number];

export const syncJobSchema = z.object({
  id: z.string(),
  queue: z.enum(jobQueues),
  scope: z.string().nullable(),
  state: z.enum(jobStates),
  retryCount: z.number().int(),
  createdOn: z.string(),
  startedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  /** The last error message of a failed or retried job. */
  error: z.string().nullable(),
});
export type SyncJob = z.infer<typeof syncJobSchema>;

/** `GET /api/sync/status` and each `status` event of `GET /api/sync/events`. */
export const syncStatusSchema = z.object({
  /** Job counts per queue and state (completed jobs stay counted until pg-boss deletes them). */
  queues: z.array(
    z.object({ queue: z.enum(jobQueues), counts: z.record(z.enum(jobStates), z.number().int()) }),
  ),
  /** The 50 latest jobs, newest first. */
  jobs: z.array(syncJobSchema),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** `POST /api/sync`: the jobs queued (`id` null where the scope was already waiting). */
export const syncEnqueuedSchema = z.object({
  jobs: z.array(
    z.object({ queue: z.enum(jobQueues), scope: z.string(), id: z.string().nullable() }),
  ),
});
export type SyncEnqueued = z.infer<typeof syncEnqueuedSchema>;

/** `GET /api/sync/quarantine?source=&cursor=&limit=`: records a sync could not read, newest first. */
export const quarantineQuerySchema = z
  .object({
    source: connectionSystemSchema.optional(),
    cursor: pageCursorSchema.optional(),
    limit: pageLimitSchema,
  })
  .strict();
export type QuarantineQuery = z.infer<typeof quarantineQuerySchema>;

export const quarantinedRecordSchema = z.object({
  id: z.string(),
  source: z.string(),
  kind: z.string(),
  sourceId: z.string(),
  reason: z.string(),
  /** The raw payload the record came in (lineage), when it was stored. */
  rawPayloadId: z.string().nullable(),
  quarantinedAt: z.iso.datetime(),
});
export type QuarantinedRecordView = z.infer<typeof quarantinedRecordSchema>;

export const quarantinePageSchema = paginated(quarantinedRecordSchema).extend({
  /** How many records are quarantined for the filter, over all pages. */
  total: z.number().int(),
});
export type QuarantinePage = z.infer<typeof quarantinePageSchema>;

/**
 * Why an identity needs an admin's look: its person belongs to no team (its work counts only in
 * the organisation's figures), or a GitHub account was never merged with a Jira account (its
 * PRs cannot be tied to the tickets its person worked on). Bots are left out: they have neither.
 */
export const unmatchedReasons = ['not_in_team', 'no_jira_identity'] as const;
export type UnmatchedReason = (typeof unmatchedReasons)[number];

/** `GET /api/identities/unmatched?reason=&cursor=&limit=`: ordered by id. */
export const unmatchedQuerySchema = z
  .object({
    reason: z.enum(unmatchedReasons).optional(),
    cursor: pageCursorSchema.optional(),
    limit: pageLimitSchema,
  })
  .strict();
export type UnmatchedQuery = z.infer<typeof unmatchedQuerySchema>;

export const unmatchedIdentitySchema = z.object({
  /** `github:octocat`, `jira:5b10…`. */
  id: z.string(),
  system: connectionSystemSchema,
  externalId: z.string(),
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  personId: z.string().nullable(),
  reasons: z.array(z.enum(unmatchedReasons)).min(1),
});
export type UnmatchedIdentity = z.infer<typeof unmatchedIdentitySchema>;

export const unmatchedPageSchema = paginated(unmatchedIdentitySchema).extend({
  /** Identities per reason over all pages (one identity can have both). */
  totals: z.object({ not_in_team: z.number().int(), no_jira_identity: z.number().int() }),
});
export type UnmatchedPage = z.infer<typeof unmatchedPageSchema>;

/** Weights by name (signal ids, score components); the api's configuration fixes the names. */
const weightsSchema = z.record(z.string(), z.number());

/**
 * `GET /api/settings/rules`: the analysis configuration in force (defaults overlaid with the
 * ANALYSIS_CONFIG file), read-only. The full configuration, with every setting's bounds and
 * default, belongs to the api (its OpenAPI document describes it); here the parts the settings
 * page shows are checked and every other setting is kept as sent (`loose`).
 */
export const analysisRulesSchema = z
  .object({
    windows: z.object({
      followUpFixDays: z.number(),
      linkedBugDays: z.number(),
      incidentAfterDeployHours: z.number(),
      fastRevertHours: z.number(),
      reopenTransientMinutes: z.number(),
    }),
    signalWeights: z.object({ missingContext: weightsSchema, execution: weightsSchema }),
    decision: z.object({ minMargin: z.number(), minTotalEvidence: z.number() }).loose(),
    criticalPathGlobs: z.array(z.string()),
    agentLogins: z.array(z.string()),
    risk: z.object({ weights: weightsSchema }).loose(),
    depth: z.object({ weights: weightsSchema }).loose(),
  })
  .loose();
export type AnalysisRules = z.infer<typeof analysisRulesSchema>;

export const rulesResponseSchema = z.object({
  analysis: analysisRulesSchema,
  /** Dotted paths the ANALYSIS_CONFIG file changed from the defaults; empty when none. */
  changedFromDefaults: z.array(z.string()),
});
export type RulesResponse = z.infer<typeof rulesResponseSchema>;
