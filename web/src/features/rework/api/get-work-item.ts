import { workItemSchema } from '@rework-radar/shared';
import { queryOptions, useQueries } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';

/** `GET /api/work-items/:key`: the origin ticket with its context score at start. */
export function workItemQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['work-item', key],
    queryFn: ({ signal }) =>
      getJson(`/api/work-items/${encodeURIComponent(key)}`, workItemSchema, { signal }),
    retry: false,
  });
}

export function useWorkItems(keys: readonly string[]) {
  return useQueries({ queries: keys.map((key) => workItemQueryOptions(key)) });
}
