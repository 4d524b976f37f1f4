import { paginated } from '@rework-radar/shared';
import { z } from 'zod';

/*
 * The answers of the settings routes the api declares next to its code (api/src/jobs,
 * api/src/identity/http, api/src/settings) rather than in `shared/` yet: mirrored here so every
 * answer is still parsed at the boundary. Moving them to `shared/` removes the copy.
 */

export const jobStates = [
  'created',
  'retry',
  'active',
  'completed',
  'cancelled',
  'failed',
] as const;
export type JobState = (typeof jobStates)[number];

/** `GET /api/sync/status` and each `status` event of `GET /api/sync/events`. */
export const syncStatusSchema = z.object({
  queues: z.array(
    z.object({ queue: z.string(), counts: z.record(z.enum(jobStates), z.number().int()) }),
  ),
  jobs: z.array(
    z.object({
      id: z.string(),
      queue: z.string(),
      scope: z.string().nullable(),
      state: z.enum(jobStates),
      retryCount: z.number().int(),
      createdOn: z.string(),
      startedOn: z.string().nullable(),
      completedOn: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** `POST /api/sync`. */
export const syncEnqueuedSchema = z.object({
  jobs: z.array(z.object({ queue: z.string(), scope: z.string(), id: z.string().nullable() })),
});

/** `GET /api/sync/quarantine`. */
export const quarantinePageSchema = paginated(
  z.object({
    id: z.string(),
    source: z.string(),
    kind: z.string(),
    sourceId: z.string(),
    reason: z.string(),
    rawPayloadId: z.string().nullable(),
    quarantinedAt: z.string(),
  }),
).extend({ total: z.number().int() });
export type QuarantinePage = z.infer<typeof quarantinePageSchema>;

export const unmatchedReasons = ['not_in_team', 'no_jira_identity'] as const;
export type UnmatchedReason = (typeof unmatchedReasons)[number];

/** `GET /api/identities/unmatched`. */
export const unmatchedPageSchema = paginated(
  z.object({
    id: z.string(),
    system: z.enum(['github', 'jira']),
    externalId: z.string(),
    displayName: z.string().nullable(),
    email: z.string().nullable(),
    personId: z.string().nullable(),
    reasons: z.array(z.enum(unmatchedReasons)),
  }),
).extend({ totals: z.object({ not_in_team: z.number(), no_jira_identity: z.number() }) });
export type UnmatchedPage = z.infer<typeof unmatchedPageSchema>;

const weights = z.record(z.string(), z.number());

/** `GET /api/settings/rules`: the parts the page shows are checked; the rest is kept as sent. */
export const rulesResponseSchema = z.object({
  analysis: z
    .object({
      windows: z.object({
        followUpFixDays: z.number(),
        linkedBugDays: z.number(),
        incidentAfterDeployHours: z.number(),
        fastRevertHours: z.number(),
        reopenTransientMinutes: z.number(),
      }),
      signalWeights: z.object({ missingContext: weights, execution: weights }),
      decision: z.object({ minMargin: z.number(), minTotalEvidence: z.number() }).loose(),
      criticalPathGlobs: z.array(z.string()),
      agentLogins: z.array(z.string()),
      risk: z.object({ weights }).loose(),
      depth: z.object({ weights }).loose(),
    })
    .loose(),
  changedFromDefaults: z.array(z.string()),
});
export type RulesResponse = z.infer<typeof rulesResponseSchema>;
