import { reworkDetailSchema, type ReworkOverrideRequest } from '@rework-radar/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../../../lib/api-client';
import { reworkItemQueryOptions } from './get-rework-item';

/** `POST /api/rework/:id/override`; `by` goes as X-User until sign-in exists. */
export function postOverride(id: string, request: ReworkOverrideRequest, by: string) {
  const headers: Record<string, string> = by.trim() === '' ? {} : { 'x-user': by.trim() };
  return postJson(
    `/api/rework/${encodeURIComponent(id)}/override`,
    request,
    reworkDetailSchema,
    headers,
  );
}

/** Saves an override, then refreshes every rework list and figure that counted the old cause. */
export function useOverride(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, by }: { request: ReworkOverrideRequest; by: string }) =>
      postOverride(id, request, by),
    onSuccess: async (detail) => {
      queryClient.setQueryData(reworkItemQueryOptions(id).queryKey, detail);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['rework'] }),
        queryClient.invalidateQueries({ queryKey: ['metrics'] }),
        queryClient.invalidateQueries({ queryKey: ['quarterly'] }),
      ]);
    },
  });
}
