import { demoStatusSchema, healthResponseSchema } from '@rework-radar/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';

/** `GET /api/health` as Settings reads it: the database the api runs on. */
export const databaseStatusQueryOptions = queryOptions({
  queryKey: ['settings', 'health'],
  queryFn: ({ signal }) =>
    getJson('/api/health', healthResponseSchema, { acceptStatuses: [503], signal }),
});

/** `GET /api/demo/status`: whether the data comes from the demo simulators, and the load's progress. */
export const sourceStatusQueryOptions = queryOptions({
  queryKey: ['settings', 'demo-status'],
  queryFn: ({ signal }) => getJson('/api/demo/status', demoStatusSchema, { signal }),
  refetchInterval: (query) => (query.state.data?.state === 'loading' ? 2000 : false),
});

export function useDatabaseStatus() {
  return useQuery(databaseStatusQueryOptions);
}

export function useSourceStatus() {
  return useQuery(sourceStatusQueryOptions);
}
