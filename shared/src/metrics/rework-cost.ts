import {
  computed,
  ExclusionTally,
  type MetricOptions,
  type MetricResult,
} from './metric-result.js';
import { inPeriod, type Period } from './periods.js';
import type { MetricDataset, ReworkCause, ReworkItemRecord } from './records.js';

/**
 * Rework cost by cause, measured as the rework's own size and time. Engineer-days are a proxy:
 * each rework PR's opened-to-merged time, capped (waiting in review is not effort), divided by the
 * focused hours in an engineer-day. A PR that reworks several items of one cause counts once.
 */
export interface ReworkCost {
  items: number;
  itemsWithoutPullRequest: number;
  pullRequests: number;
  lines: number;
  engineerDays: number;
}

export const noReworkPr = 'rework without a pull request (effort not measurable)';

export function reworkCost(items: readonly ReworkItemRecord[], options: MetricOptions): ReworkCost {
  const changes = new Map<string, { lines: number; cycleHours: number }>();
  let itemsWithoutPullRequest = 0;
  for (const item of items) {
    if (item.reworkChanges.length === 0) itemsWithoutPullRequest += 1;
    for (const change of item.reworkChanges) changes.set(change.pullRequestId, change);
  }
  let lines = 0;
  let hours = 0;
  for (const change of changes.values()) {
    lines += change.lines;
    hours += Math.min(Math.max(0, change.cycleHours), options.reworkPrCycleCapHours);
  }
  return {
    items: items.length,
    itemsWithoutPullRequest,
    pullRequests: changes.size,
    lines,
    engineerDays: hours / options.engineerDayHours,
  };
}

export function reworkDetectedIn(data: MetricDataset, period: Period): ReworkItemRecord[] {
  return data.reworkItems.filter((item) => inPeriod(item.detectedAt, period));
}

export type ReworkCostMeasure = 'prs' | 'lines' | 'engineer-days';

/** The formula for one cause and one measure, over rework items detected in the period. */
export function reworkCostFormula(cause: ReworkCause, measure: ReworkCostMeasure) {
  return (data: MetricDataset, period: Period, options: MetricOptions): MetricResult => {
    const excluded = new ExclusionTally();
    const items = reworkDetectedIn(data, period).filter((item) => item.cause === cause);
    const cost = reworkCost(items, options);
    excluded.add(noReworkPr, cost.itemsWithoutPullRequest);
    const value =
      measure === 'prs' ? cost.pullRequests : measure === 'lines' ? cost.lines : cost.engineerDays;
    return computed(value, cost.items - cost.itemsWithoutPullRequest, 'rework items', excluded);
  };
}
