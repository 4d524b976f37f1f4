import { reworkDetailSchema, type ReworkOverrideRequest } from '@rework-radar/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../../../lib/api-client';
import { reworkItemQueryOptions } from './get-rework-item';

/** `POST /api/rework/:id/override`; the api records the signed-in account as who set it. */
export function postOverride(id: string, request: ReworkOverrideRequest) {
  return postJson(`/api/rework/${encodeURIComponent(id)}/override`, request, reworkDetailSchema);
}

/** Saves an override, then refreshes every rework list and figure that counted the old cause. */
export function useOverride(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ReworkOverrideRequest) => postOverride(id, request),
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
