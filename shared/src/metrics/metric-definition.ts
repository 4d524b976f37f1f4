import { z } from 'zod';

/**
 * What a metric is, said once: the UI shows `definition` on hover, the api returns `metricId`
 * with every value, and the formulas in this folder compute exactly what the sentence says.
 */
export const metricGroups = ['velocity', 'context', 'review', 'dora', 'agents', 'rework'] as const;
export type MetricGroup = (typeof metricGroups)[number];

export const metricUnits = [
  'count',
  'ratio',
  'hours',
  'days',
  'points',
  'per-week',
  'score',
  'correlation',
  'engineer-days',
] as const;
export type MetricUnit = (typeof metricUnits)[number];

/**
 * Whether a change of this unit reads as a share of the previous value. A share's change reads in
 * percentage points and a correlation's as a difference: "+107%" from -0.12 to 0.01, or "-50%"
 * from 0.8% to 0.4%, would say more than happened.
 */
export function changeReadsRelative(unit: MetricUnit): boolean {
  return unit !== 'ratio' && unit !== 'correlation';
}

/** Which way a change is an improvement; `neutral` when neither is (e.g. agent share). */
export type DirectionOfGood = 'up' | 'down' | 'neutral';

export interface MetricDefinition {
  /** Stable kebab-case id, e.g. `dora-change-failure-rate`. Never rename: stored and linked. */
  id: string;
  name: string;
  group: MetricGroup;
  /** One or two sentences: what is counted, over which records, and every constant used. */
  definition: string;
  unit: MetricUnit;
  directionOfGood: DirectionOfGood;
  /** What the universe counts: 'deployments', 'pull requests', 'work items'... */
  universeNoun: string;
}

export const periodKinds = ['week', 'sprint', 'month', 'quarter'] as const;
export const periodKindSchema = z.enum(periodKinds);
export type PeriodKind = z.infer<typeof periodKindSchema>;

export const periodSchema = z.object({
  kind: periodKindSchema,
  /** Inclusive start, ISO 8601 UTC. */
  start: z.iso.datetime(),
  /** Exclusive end, ISO 8601 UTC. */
  end: z.iso.datetime(),
  /** `2026-W07`, `2026-03`, `2026-Q1`, or the sprint's name. */
  label: z.string().min(1),
});
export type PeriodDto = z.infer<typeof periodSchema>;

/** No team and no repository: the organisation, where each record counts once. */
export const metricScopeSchema = z.object({
  team: z.string().min(1).optional(),
  repository: z.string().min(1).optional(),
});
export type MetricScope = z.infer<typeof metricScopeSchema>;

export const exclusionSchema = z.object({
  reason: z.string().min(1),
  count: z.number().int().positive(),
});
export type Exclusion = z.infer<typeof exclusionSchema>;

export const universeSchema = z.object({
  count: z.number().int().nonnegative(),
  noun: z.string().min(1),
});
export type Universe = z.infer<typeof universeSchema>;

/** One metric value as `GET /api/metrics` returns it. */
export const metricValueSchema = z
  .object({
    metricId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    period: periodSchema,
    scope: metricScopeSchema,
    /** null when the metric cannot be computed; `reason` then says why. */
    value: z.number().nullable(),
    reason: z.string().min(1).optional(),
    universe: universeSchema,
    excluded: z.array(exclusionSchema),
    linkingRule: z.string().min(1).optional(),
  })
  .refine((metric) => metric.value !== null || metric.reason !== undefined, {
    message: 'a null value needs a reason',
    path: ['reason'],
  });
export type MetricValue = z.infer<typeof metricValueSchema>;

export const metricValuesResponseSchema = z.object({ values: z.array(metricValueSchema) });
export type MetricValuesResponse = z.infer<typeof metricValuesResponseSchema>;
