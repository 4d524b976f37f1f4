import { median as ssMedian } from 'simple-statistics';
import type { Exclusion, Universe } from './metric-definition.js';
import type { Period } from './periods.js';
import type { MetricDataset } from './records.js';

/** What every formula returns: the value, what it was computed from, and what was left out. */
export interface MetricResult {
  value: number | null;
  reason?: string;
  universe: Universe;
  excluded: Exclusion[];
  linkingRule?: string;
}

/** Constants the definitions name; the api may pass its configured values. */
export interface MetricOptions {
  /** Environment names (case-insensitive) that count as production. */
  productionEnvironments: readonly string[];
  /** Risk at or below this is the low bucket (matches the over-review threshold). */
  lowRiskMax: number;
  /** Risk at or above this is the high bucket (matches the rubber-stamp threshold). */
  highRiskMin: number;
  /** Fewer scored PRs than this and the rank correlation is not computed. */
  minCorrelationSample: number;
  /** Focused hours in one engineer-day for the rework effort proxy. */
  engineerDayHours: number;
  /** Each rework PR's cycle time counts at most this many hours (waiting is not effort). */
  reworkPrCycleCapHours: number;
}

export const defaultMetricOptions: MetricOptions = {
  productionEnvironments: ['production', 'prod'],
  lowRiskMax: 30,
  highRiskMin: 60,
  minCorrelationSample: 10,
  engineerDayHours: 6,
  reworkPrCycleCapHours: 40,
};

export type MetricFormula = (
  data: MetricDataset,
  period: Period,
  options: MetricOptions,
) => MetricResult;

/** Counts exclusions by reason, in the order reasons first appear; zero counts are dropped. */
export class ExclusionTally {
  private readonly counts = new Map<string, number>();

  add(reason: string, count = 1): void {
    if (count > 0) this.counts.set(reason, (this.counts.get(reason) ?? 0) + count);
  }

  list(): Exclusion[] {
    return [...this.counts].map(([reason, count]) => ({ reason, count }));
  }
}

export function computed(
  value: number,
  count: number,
  noun: string,
  excluded: ExclusionTally,
  linkingRule?: string,
): MetricResult {
  return {
    value,
    universe: { count, noun },
    excluded: excluded.list(),
    ...(linkingRule === undefined ? {} : { linkingRule }),
  };
}

export function notComputable(
  reason: string,
  count: number,
  noun: string,
  excluded: ExclusionTally,
  linkingRule?: string,
): MetricResult {
  return {
    value: null,
    reason,
    universe: { count, noun },
    excluded: excluded.list(),
    ...(linkingRule === undefined ? {} : { linkingRule }),
  };
}

/** numerator / denominator, or a null result with `emptyReason` when there is nothing to divide by. */
export function shareOf(
  numerator: number,
  denominator: number,
  noun: string,
  excluded: ExclusionTally,
  emptyReason: string,
  linkingRule?: string,
): MetricResult {
  return denominator === 0
    ? notComputable(emptyReason, 0, noun, excluded, linkingRule)
    : computed(numerator / denominator, denominator, noun, excluded, linkingRule);
}

export function medianOf(values: readonly number[]): number {
  return ssMedian([...values]);
}

export const hoursBetween = (from: Date, to: Date): number =>
  (to.getTime() - from.getTime()) / 3_600_000;
export const daysBetween = (from: Date, to: Date): number =>
  (to.getTime() - from.getTime()) / 86_400_000;
