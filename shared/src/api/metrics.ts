import { z } from 'zod';
import { metricById, metricDefinitions } from '../metrics/registry.js';
import {
  metricGroups,
  metricUnits,
  metricValueSchema,
  periodKindSchema,
  periodSchema,
} from '../metrics/metric-definition.js';
import { directionOfGoodSchema } from './metric-direction.js';
import { pageCursorSchema, pageLimitSchema } from './pagination.js';
import { repoFullNameSchema } from './pull-requests.js';
import { dateOrInstantSchema, teamSlugSchema } from './teams.js';

/** `?format=csv` (or `Accept: text/csv`) turns any list answer into CSV. */
export const exportFormatSchema = z.enum(['json', 'csv']);

const metricIdListSchema = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id.length > 0),
  )
  .refine((ids) => ids.length > 0, 'expected one or more metric ids, comma-separated')
  .refine((ids) => ids.every((id) => metricById(id) !== undefined), {
    message: `unknown metric id; see GET /api/metrics/definitions (e.g. ${metricDefinitions[0]?.id ?? ''})`,
  });

const scopeFields = {
  team: teamSlugSchema
    .optional()
    .describe('team slug; absent = the organisation (each record once)'),
  repo: repoFullNameSchema.optional().describe('owner/name; not combined with team'),
};

const oneScope = (query: { team?: string; repo?: string }): boolean =>
  query.team === undefined || query.repo === undefined;
const oneScopeIssue = { message: 'give team or repo, not both', path: ['repo'] };
const ordered = (query: { from?: string; to?: string }): boolean =>
  query.from === undefined ||
  query.to === undefined ||
  Date.parse(query.from) < Date.parse(query.to);
const orderedIssue = { message: 'to must be after from', path: ['to'] };

/** `GET /api/metrics`. */
export const metricsQuerySchema = z
  .object({
    ...scopeFields,
    period: periodKindSchema.default('month'),
    from: dateOrInstantSchema
      .optional()
      .describe('start of the range (default: a year before `to`)'),
    to: dateOrInstantSchema.optional().describe('end of the range, exclusive (default: now)'),
    metric: metricIdListSchema
      .optional()
      .describe('comma-separated metric ids; absent = every metric'),
    format: exportFormatSchema.optional(),
  })
  .strict()
  .refine(oneScope, oneScopeIssue)
  .refine(ordered, orderedIssue);
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

const previousValueSchema = z.object({
  period: periodSchema,
  value: z.number().nullable(),
});

/** A metric value with the previous period's value (same scope and kind) for the delta. */
export const metricSeriesValueSchema = metricValueSchema.safeExtend({
  previous: previousValueSchema.nullable(),
  /** value - previous value; null when either is null. */
  delta: z.number().nullable(),
});
export type MetricSeriesValue = z.infer<typeof metricSeriesValueSchema>;

export const metricsResponseSchema = z.object({
  scope: z.object({ team: z.string().optional(), repository: z.string().optional() }),
  periodKind: periodKindSchema,
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  /** Period by period (oldest first), metrics in definition order within a period. */
  values: z.array(metricSeriesValueSchema),
  /** When the rollups read were last computed; null when never. */
  computedAt: z.iso.datetime().nullable(),
});
export type MetricsResponse = z.infer<typeof metricsResponseSchema>;

export const metricDefinitionSchema = z.object({
  id: z.string(),
  name: z.string(),
  group: z.enum(metricGroups),
  definition: z.string(),
  unit: z.enum(metricUnits),
  directionOfGood: directionOfGoodSchema,
  universeNoun: z.string(),
});
export const metricDefinitionsResponseSchema = z.object({
  definitions: z.array(metricDefinitionSchema),
});
export type MetricDefinitionsResponse = z.infer<typeof metricDefinitionsResponseSchema>;

/** `GET /api/metrics/:metricId/explain`: the records behind one value. */
export const metricExplainQuerySchema = z
  .object({
    ...scopeFields,
    period: periodKindSchema,
    start: dateOrInstantSchema.describe(
      'the start of the period (as `period.start` in a metrics answer)',
    ),
    limit: pageLimitSchema,
    cursor: pageCursorSchema.optional(),
    format: exportFormatSchema.optional(),
  })
  .strict()
  .refine(oneScope, oneScopeIssue);
export type MetricExplainQuery = z.infer<typeof metricExplainQuerySchema>;

export const explainRowKinds = [
  'pull-request',
  'work-item',
  'rework-item',
  'deployment',
  'incident',
  'sprint',
] as const;

export const explainRowSchema = z.object({
  kind: z.enum(explainRowKinds),
  id: z.string(),
  title: z.string().nullable(),
  /** The date that places the record in the period under this metric's definition. */
  at: z.iso.datetime(),
  /** GitHub or Jira page of the record, when known. */
  url: z.string().nullable(),
  /** The figures the formula reads from this record (hours, points, risk...). */
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type ExplainRow = z.infer<typeof explainRowSchema>;

export const metricExplainResponseSchema = z.object({
  metricId: z.string(),
  period: periodSchema,
  scope: z.object({ team: z.string().optional(), repository: z.string().optional() }),
  value: metricValueSchema.nullable(),
  /** Which records are listed, in words (the metric's universe and the date used). */
  rule: z.string(),
  total: z.number().int().nonnegative(),
  items: z.array(explainRowSchema),
  nextCursor: z.string().nullable(),
});
export type MetricExplainResponse = z.infer<typeof metricExplainResponseSchema>;

/** `GET /api/review-calibration`: risk vs depth of merged, scored pull requests. */
export const reviewCalibrationQuerySchema = z
  .object({
    ...scopeFields,
    from: dateOrInstantSchema.optional().describe('merged at or after'),
    to: dateOrInstantSchema.optional().describe('merged before'),
    flag: z
      .enum(['rubber-stamp', 'over-review'])
      .optional()
      .describe('only the pull requests review calibration flagged so'),
    sample: z.coerce
      .number({ error: 'sample must be a whole number from 1 to 2000' })
      .int('sample must be a whole number from 1 to 2000')
      .min(1, 'sample must be at least 1')
      .max(2000, 'sample must be at most 2000')
      .optional()
      .describe(
        'instead of a page: this many pull requests picked evenly over the whole range (the same ones on every call), with the total',
      ),
    limit: pageLimitSchema,
    cursor: pageCursorSchema.optional(),
    format: exportFormatSchema.optional(),
  })
  .strict()
  .refine(oneScope, oneScopeIssue)
  .refine(ordered, orderedIssue)
  .refine((query) => query.sample === undefined || query.cursor === undefined, {
    message: 'a sample has no pages: give sample or cursor, not both',
    path: ['cursor'],
  });
export type ReviewCalibrationQuery = z.infer<typeof reviewCalibrationQuerySchema>;

export const reviewCalibrationPointSchema = z.object({
  pullRequestId: z.string(),
  repo: z.string(),
  number: z.number().int(),
  title: z.string(),
  url: z.string(),
  author: z.string().nullable(),
  isAgent: z.boolean(),
  mergedAt: z.iso.datetime(),
  risk: z.number(),
  depth: z.number(),
  riskBucket: z.enum(['low', 'medium', 'high']),
  rubberStamp: z.boolean(),
  overReview: z.boolean(),
});
export type ReviewCalibrationPoint = z.infer<typeof reviewCalibrationPointSchema>;

export const reviewCalibrationResponseSchema = z.object({
  items: z.array(reviewCalibrationPointSchema),
  nextCursor: z.string().nullable(),
  /** With `sample`: how many pull requests the range holds. */
  total: z.number().int().nonnegative().optional(),
});
export type ReviewCalibrationResponse = z.infer<typeof reviewCalibrationResponseSchema>;
