import { quarterlyResponseSchema } from '@rework-radar/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson, queryString } from '../../../lib/api-client';

/** `GET /api/quarterly`: headline metrics with quarter-over-quarter deltas and written highlights. */
export function quarterlyQueryOptions(quarter: string, team: string | undefined) {
  return queryOptions({
    queryKey: ['quarterly', quarter, team ?? null],
    queryFn: ({ signal }) =>
      getJson(`/api/quarterly${queryString({ quarter, team })}`, quarterlyResponseSchema, {
        signal,
      }),
  });
}

export function useQuarterly(quarter: string | undefined, team: string | undefined) {
  return useQuery({
    ...quarterlyQueryOptions(quarter ?? '', team),
    enabled: quarter !== undefined,
  });
}

/** The same review as CSV, straight from the api. */
export function quarterlyCsvHref(quarter: string, team: string | undefined): string {
  return `/api/quarterly${queryString({ quarter, team, format: 'csv' })}`;
}

/** The page itself, printed (PDF, print layout) or photographed (PNG) by the api's headless Chromium. */
export function quarterlyExportHref(
  format: 'pdf' | 'png',
  quarter: string,
  team: string | undefined,
): string {
  return `/api/export/quarterly.${format}${queryString({ quarter, team })}`;
}
