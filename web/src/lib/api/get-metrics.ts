import {
  metricsResponseSchema,
  type MetricSeriesValue,
  type PeriodKind,
} from '@rework-radar/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson, queryString } from '../api-client';

export interface MetricsRequest {
  metricIds: readonly string[];
  period: PeriodKind;
  /** ISO instants; `to` exclusive. */
  from: string;
  to: string;
  team?: string | undefined;
}

/** `GET /api/metrics`: values per period for the scope, with the previous period's value. */
export function metricsQueryOptions(request: MetricsRequest) {
  const query = {
    metric: request.metricIds.join(','),
    period: request.period,
    from: request.from,
    to: request.to,
    team: request.team,
  };
  return queryOptions({
    queryKey: ['metrics', query],
    queryFn: ({ signal }) =>
      getJson(`/api/metrics${queryString(query)}`, metricsResponseSchema, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMetrics(request: MetricsRequest | undefined) {
  return useQuery({
    ...metricsQueryOptions(request ?? { metricIds: [], period: 'month', from: '', to: '' }),
    enabled: request !== undefined,
  });
}

/** Rows of a chart: one per period label, one column per metric id. */
export function metricRows(
  values: readonly MetricSeriesValue[],
  metricIds: readonly string[],
): { label: string; start: string; end: string; [metricId: string]: string | number | null }[] {
  const rows = new Map<
    string,
    { label: string; start: string; end: string; [metricId: string]: string | number | null }
  >();
  for (const value of values) {
    if (!metricIds.includes(value.metricId)) continue;
    const row = rows.get(value.period.start) ?? {
      label: value.period.label,
      start: value.period.start,
      end: value.period.end,
    };
    row[value.metricId] = value.value;
    rows.set(value.period.start, row);
  }
  return [...rows.values()].sort((a, b) => a.start.localeCompare(b.start));
}
