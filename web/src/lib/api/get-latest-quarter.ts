import { reworkListResponseSchema } from '@rework-radar/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../api-client';
import { previousQuarter, quarterOf } from '../quarters';

/** A quarter needs this much data before it is the default view: a few days make poor figures. */
const minimumDays = 42;

/**
 * The default quarter: the one holding the newest rework item (the list is newest first), or the
 * one before it when the newest quarter has under six weeks of data; the current quarter when
 * nothing was detected yet. A first visit then opens on real figures, not an empty quarter.
 */
export function defaultQuarter(newest: Date | undefined, now = new Date()): string {
  if (newest === undefined) return quarterOf(now).label;
  const quarter = quarterOf(newest);
  const days = (newest.getTime() - quarter.start.getTime()) / 86_400_000;
  return (days < minimumDays ? previousQuarter(quarter) : quarter).label;
}

export const latestQuarterQueryOptions = queryOptions({
  queryKey: ['latest-quarter'],
  queryFn: async ({ signal }) => {
    const page = await getJson('/api/rework?limit=1', reworkListResponseSchema, { signal });
    const newest = page.items[0];
    return defaultQuarter(newest === undefined ? undefined : new Date(newest.occurredAt));
  },
  staleTime: 5 * 60_000,
});

export function useLatestQuarter() {
  return useQuery(latestQuarterQueryOptions);
}
