import { z } from 'zod';

/** `GET /api/rework`, `GET /api/rework/:id`, `POST /api/rework/:id/override`: rework items, their origin and cause. */
export const reworkKindSchema = z.enum([
  'revert',
  'follow-up-fix',
  'reopened',
  'linked-bug',
  'incident',
]);
export const reworkCauseSchema = z.enum(['missing_context', 'execution', 'unknown']);

/**
 * Server-side orders of the rework list: a field, `-` first for descending; the default (newest
 * rework first) is `-occurredAt`. Every order ends on the item id, so keyset pages stay stable.
 */
export const reworkSorts = [
  'occurredAt',
  '-occurredAt',
  'detectedAt',
  '-detectedAt',
  'confidence',
  '-confidence',
  'effort',
  '-effort',
] as const;
export type ReworkSort = (typeof reworkSorts)[number];

export const reworkListQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** A team slug; a manager may ask only for their own teams. */
    team: z.string().min(1).optional(),
    cause: reworkCauseSchema.optional(),
    kind: reworkKindSchema.optional(),
    repo: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name')
      .optional(),
    minConfidence: z.coerce.number().min(0).max(1).optional(),
    cursor: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    sort: z.enum(reworkSorts).default('-occurredAt'),
    /** `csv` (or `Accept: text/csv`) answers the page as CSV, the next cursor in `X-Next-Cursor`. */
    format: z.enum(['json', 'csv']).optional(),
  })
  .strict();
export type ReworkListQuery = z.infer<typeof reworkListQuerySchema>;

export const reworkEvidenceSchema = z.object({
  signal: z.string(),
  side: z.enum(['missing_context', 'execution']),
  weight: z.number(),
  kind: z.string(),
  description: z.string(),
  url: z.string().optional(),
  excerpt: z.string().optional(),
});

export const reworkOverrideSchema = z.object({
  cause: reworkCauseSchema,
  reason: z.string(),
  by: z.string(),
  at: z.iso.datetime(),
});

export const reworkItemSchema = z.object({
  id: z.string(),
  kind: reworkKindSchema,
  repo: z.string().nullable(),
  occurredAt: z.iso.datetime(),
  detectedAt: z.iso.datetime(),
  rework: z.object({
    pullRequests: z.array(z.string()),
    workItems: z.array(z.string()),
    incident: z.string().nullable(),
  }),
  origin: z.object({ pullRequests: z.array(z.string()), workItems: z.array(z.string()) }),
  detection: z.object({
    rule: z.string(),
    rules: z.array(z.string()),
    facts: z.array(z.string()),
    links: z.array(z.object({ label: z.string(), url: z.string() })),
  }),
  effort: z.object({
    pullRequests: z.number().int(),
    lines: z.number().int(),
    cycleHours: z.number().nullable(),
  }),
  /** The override's cause when a manager set one, else the model's. */
  cause: reworkCauseSchema,
  model: z.object({
    version: z.number().int(),
    cause: reworkCauseSchema,
    confidence: z.number(),
    scores: z.object({ missing_context: z.number(), execution: z.number() }),
    reason: z.string(),
  }),
  confidence: z.number(),
  evidence: z.array(reworkEvidenceSchema),
  override: reworkOverrideSchema.nullable(),
});
export type ReworkItemView = z.infer<typeof reworkItemSchema>;

export const reworkListResponseSchema = z.object({
  items: z.array(reworkItemSchema),
  nextCursor: z.string().nullable(),
});
export type ReworkListResponse = z.infer<typeof reworkListResponseSchema>;

/**
 * An origin work item's context as it was when its work started: the score and each component
 * (points, max, why), so the explorer shows the ticket the team had, not today's.
 */
export const originContextSchema = z.object({
  workItemKey: z.string(),
  startedAt: z.iso.datetime(),
  startedFrom: z.string(),
  score: z.number().int(),
  components: z.array(
    z.object({ name: z.string(), points: z.number(), max: z.number(), reason: z.string() }),
  ),
});
export type OriginContext = z.infer<typeof originContextSchema>;

/** The web address of a pull request (domain id) or work item (key) the item names. */
export const sourceLinkSchema = z.object({ ref: z.string(), url: z.string() });
export type SourceLink = z.infer<typeof sourceLinkSchema>;

export const reworkDetailSchema = reworkItemSchema.extend({
  overrides: z.array(reworkOverrideSchema),
  originContexts: z.array(originContextSchema),
  /** Links to every pull request and work item in `rework` and `origin` (work items only when Jira's address is known). */
  sourceLinks: z.array(sourceLinkSchema),
});
export type ReworkDetail = z.infer<typeof reworkDetailSchema>;

export const reworkOverrideRequestSchema = z
  .object({ cause: reworkCauseSchema, reason: z.string().trim().min(1) })
  .strict();
export type ReworkOverrideRequest = z.infer<typeof reworkOverrideRequestSchema>;
