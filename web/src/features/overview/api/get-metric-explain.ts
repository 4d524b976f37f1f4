import { metricExplainResponseSchema, type PeriodKind } from '@rework-radar/shared';
import { queryOptions, useQueries } from '@tanstack/react-query';
import { getJson, queryString } from '../../../lib/api-client';

export interface ExplainRequest {
  metricId: string;
  period: PeriodKind;
  /** The period's start, as in a metrics answer. */
  start: string;
  team: string | undefined;
}

/** `GET /api/metrics/:metricId/explain`: the records behind one value (first 100). */
export function metricExplainQueryOptions(request: ExplainRequest) {
  const query = { period: request.period, start: request.start, team: request.team, limit: 100 };
  return queryOptions({
    queryKey: ['metrics', 'explain', request.metricId, query],
    queryFn: ({ signal }) =>
      getJson(
        `/api/metrics/${encodeURIComponent(request.metricId)}/explain${queryString(query)}`,
        metricExplainResponseSchema,
        { signal },
      ),
  });
}

export function useMetricExplains(requests: readonly ExplainRequest[]) {
  return useQueries({ queries: requests.map((request) => metricExplainQueryOptions(request)) });
}
