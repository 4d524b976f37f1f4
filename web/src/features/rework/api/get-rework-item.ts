import { reworkDetailSchema } from '@rework-radar/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';

/** `GET /api/rework/:id`: the item, the model's answer, the current override and its history. */
export function reworkItemQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['rework', 'item', id],
    queryFn: ({ signal }) =>
      getJson(`/api/rework/${encodeURIComponent(id)}`, reworkDetailSchema, { signal }),
  });
}

export function useReworkItem(id: string) {
  return useQuery(reworkItemQueryOptions(id));
}
