import { demoStatusSchema } from '@rework-radar/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';

export const demoStatusQueryOptions = queryOptions({
  queryKey: ['demo-status'],
  queryFn: ({ signal }) => getJson('/api/demo/status', demoStatusSchema, { signal }),
  // Poll while the demo loads; stop once it is ready, failed or disabled.
  refetchInterval: (query) => (query.state.data?.state === 'loading' ? 2000 : false),
});

export function useDemoStatus() {
  return useQuery(demoStatusQueryOptions);
}
