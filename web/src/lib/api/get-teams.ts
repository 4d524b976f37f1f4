import { teamsResponseSchema } from '@rework-radar/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../api-client';

/** `GET /api/teams`: the teams the pickers offer (and Settings lists). */
export const teamsQueryOptions = queryOptions({
  queryKey: ['teams'],
  queryFn: ({ signal }) => getJson('/api/teams', teamsResponseSchema, { signal }),
  staleTime: 60_000,
});

export function useTeams() {
  return useQuery(teamsQueryOptions);
}
