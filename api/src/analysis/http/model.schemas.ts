import { z } from 'zod';

/**
 * Request and answer shapes of the model routes (kept here until the web needs them; then they
 * move to shared like the rework schemas).
 */
const teamSlug = z.string().trim().min(1).max(100);

export const modelScopeSchema = z
  .union([z.literal('global'), z.object({ team: teamSlug }).strict()])
  .default('global');

export const refitRequestSchema = z
  .object({
    /** `"global"` (default) or `{ "team": "<slug>" }`. */
    scope: modelScopeSchema,
    /** Overrides needed per cause; default from the analysis configuration. */
    minPerClass: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();

export const activateRequestSchema = z.object({ scope: modelScopeSchema }).strict();

export const versionParamSchema = z.coerce.number().int().min(1);

const precisionRecall = z.object({
  precision: z.number().nullable(),
  recall: z.number().nullable(),
  f1: z.number().nullable().optional(),
});
const causeMetrics = z.object({
  missing_context: precisionRecall,
  execution: precisionRecall,
  coverage: z.number(),
});
const weights = z.object({
  missingContext: z.record(z.string(), z.number()),
  execution: z.record(z.string(), z.number()),
});

export const modelMetricsSchema = z.object({
  current: causeMetrics,
  candidate: causeMetrics,
  trainedOn: z.object({
    labelled: z.number().int(),
    training: z.number().int(),
    heldBack: z.number().int(),
  }),
  scope: z.string().optional(),
  basedOn: z.number().int().optional(),
});

export const modelChangeSchema = z.object({
  scope: z.string(),
  version: z.number().int(),
  previousVersion: z.number().int(),
  reattributed: z.number().int(),
});

export const refitResponseSchema = modelChangeSchema.extend({
  metrics: modelMetricsSchema,
  weights,
});

export const modelListSchema = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      origin: z.string(),
      createdAt: z.string(),
      weights,
      metrics: modelMetricsSchema.nullable(),
      activeFor: z.array(z.string()),
    }),
  ),
});

export type RefitRequest = z.output<typeof refitRequestSchema>;
export type ActivateRequest = z.output<typeof activateRequestSchema>;
