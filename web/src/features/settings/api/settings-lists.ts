import {
  quarantinePageSchema,
  rulesResponseSchema,
  unmatchedPageSchema,
  type UnmatchedReason,
} from '@rework-radar/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson, queryString } from '../../../lib/api-client';

export const pageSize = 25;

/** `GET /api/sync/quarantine`: one page of records a sync could not read. */
export function useQuarantine(cursor: string | undefined) {
  return useQuery({
    queryKey: ['settings', 'quarantine', cursor ?? null],
    queryFn: ({ signal }) =>
      getJson(
        `/api/sync/quarantine${queryString({ limit: pageSize, cursor })}`,
        quarantinePageSchema,
        {
          signal,
        },
      ),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/identities/unmatched`: one page of identities the mapping still misses. */
export function useUnmatchedIdentities(
  reason: UnmatchedReason | undefined,
  cursor: string | undefined,
) {
  return useQuery({
    queryKey: ['settings', 'unmatched', reason ?? null, cursor ?? null],
    queryFn: ({ signal }) =>
      getJson(
        `/api/identities/unmatched${queryString({ reason, limit: pageSize, cursor })}`,
        unmatchedPageSchema,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export const rulesQueryOptions = queryOptions({
  queryKey: ['settings', 'rules'],
  queryFn: ({ signal }) => getJson('/api/settings/rules', rulesResponseSchema, { signal }),
  staleTime: Infinity,
});

/** `GET /api/settings/rules`: the analysis configuration in force (read-only). */
export function useRules() {
  return useQuery(rulesQueryOptions);
}
