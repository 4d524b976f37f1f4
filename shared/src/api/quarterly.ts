import { z } from 'zod';
import { directionOfGoodSchema } from './metric-direction.js';
import { metricUnits, periodSchema } from '../metrics/metric-definition.js';
import { exportFormatSchema } from './metrics.js';
import { teamSlugSchema } from './teams.js';

/** `GET /api/quarterly?quarter=2026-Q3&team=`: the Director's quarter over quarter review. */
export const quarterLabelSchema = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, 'expected a quarter such as 2026-Q3');

export const quarterlyQuerySchema = z
  .object({
    quarter: quarterLabelSchema,
    team: teamSlugSchema.optional().describe('team slug; absent = the organisation'),
    format: exportFormatSchema.optional(),
  })
  .strict();
export type QuarterlyQuery = z.infer<typeof quarterlyQuerySchema>;

/** better/worse read through the definition's direction of good; neutral metrics are never better or worse. */
export const verdictSchema = z.enum(['better', 'worse', 'unchanged', 'neutral', 'unknown']);
export type Verdict = z.infer<typeof verdictSchema>;

export const quarterlyHeadlineSchema = z.object({
  metricId: z.string(),
  name: z.string(),
  unit: z.enum(metricUnits),
  directionOfGood: directionOfGoodSchema,
  value: z.number().nullable(),
  previousValue: z.number().nullable(),
  delta: z.number().nullable(),
  /** delta / |previous value|; null when the previous value is 0 or missing, and for shares and correlations (their delta says the change: see `changeReadsRelative`). */
  relativeDelta: z.number().nullable(),
  verdict: verdictSchema,
  universe: z.object({ count: z.number().int(), noun: z.string() }),
});
export type QuarterlyHeadline = z.infer<typeof quarterlyHeadlineSchema>;

export const quarterlyResponseSchema = z.object({
  quarter: periodSchema,
  previousQuarter: periodSchema,
  scope: z.object({ team: z.string().optional() }),
  headlines: z.array(quarterlyHeadlineSchema),
  /** Sentences written from the numbers above, most notable first. */
  highlights: z.array(z.string()),
  computedAt: z.iso.datetime().nullable(),
});
export type QuarterlyResponse = z.infer<typeof quarterlyResponseSchema>;
