import { reworkListResponseSchema } from '@rework-radar/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../api-client';
import { quarterOf } from '../quarters';

/**
 * The quarter of the newest rework item (the list is newest first), so that a first visit opens
 * on a quarter that has data rather than on an empty current quarter; the current quarter when
 * nothing was detected yet.
 */
export const latestQuarterQueryOptions = queryOptions({
  queryKey: ['latest-quarter'],
  queryFn: async ({ signal }) => {
    const page = await getJson('/api/rework?limit=1', reworkListResponseSchema, { signal });
    const newest = page.items[0];
    return quarterOf(newest === undefined ? new Date() : new Date(newest.occurredAt)).label;
  },
  staleTime: 5 * 60_000,
});

export function useLatestQuarter() {
  return useQuery(latestQuarterQueryOptions);
}
