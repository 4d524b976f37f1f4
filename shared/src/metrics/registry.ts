import { agentDefinitions, reworkDefinitions } from './definitions-agents-rework.js';
import { doraDefinitions, velocityDefinitions } from './definitions-delivery.js';
import { contextDefinitions, reviewDefinitions } from './definitions-quality.js';
import { metricFormulas } from './formulas.js';
import type { MetricDefinition, MetricScope, MetricValue } from './metric-definition.js';
import { defaultMetricOptions, type MetricOptions } from './metric-result.js';
import { toPeriodDto, type Period } from './periods.js';
import type { MetricDataset } from './records.js';

/** Every metric the product shows, in display order: the one place a metric is defined. */
export const metricDefinitions: readonly MetricDefinition[] = [
  ...velocityDefinitions,
  ...contextDefinitions,
  ...reviewDefinitions,
  ...doraDefinitions,
  ...agentDefinitions,
  ...reworkDefinitions,
];

const byId = new Map(metricDefinitions.map((definition) => [definition.id, definition]));

export function metricById(id: string): MetricDefinition | undefined {
  return byId.get(id);
}

/**
 * Computes the requested metrics (all by default) for one already-scoped dataset (see
 * `scopeDataset`) and each period, as the api returns them.
 */
export function computeMetricValues(
  data: MetricDataset,
  periods: readonly Period[],
  scope: MetricScope,
  options: MetricOptions = defaultMetricOptions,
  metricIds: readonly string[] = metricDefinitions.map((definition) => definition.id),
): MetricValue[] {
  return periods.flatMap((period) =>
    metricIds.map((metricId): MetricValue => {
      const formula = metricFormulas[metricId];
      if (formula === undefined) throw new Error(`unknown metric ${metricId}`);
      const result = formula(data, period, options);
      return { metricId, period: toPeriodDto(period), scope, ...result };
    }),
  );
}
