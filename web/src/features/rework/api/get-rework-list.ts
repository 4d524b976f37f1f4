import { reworkListResponseSchema } from '@rework-radar/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { getJson, queryString } from '../../../lib/api-client';
import { apiQuery, type ReworkFilters } from './rework-filters';

const pageSize = 50;

/** `GET /api/rework`, newest first, one cursor page at a time ("Load more"). */
export function reworkListQueryOptions(filters: ReworkFilters) {
  const query = apiQuery(filters);
  return infiniteQueryOptions({
    queryKey: ['rework', 'list', query],
    queryFn: ({ pageParam, signal }) =>
      getJson(
        `/api/rework${queryString({ ...query, limit: pageSize, cursor: pageParam })}`,
        reworkListResponseSchema,
        {
          signal,
        },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useReworkList(filters: ReworkFilters) {
  return useInfiniteQuery(reworkListQueryOptions(filters));
}
