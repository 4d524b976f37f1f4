import { teamsResponseSchema, type TeamUpdate } from '@rework-radar/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { teamsQueryOptions } from '../../../lib/api/get-teams';
import { sendJson } from '../../../lib/send-json';

/** `PUT /api/teams/:slug`: creates or replaces one team; the answer is every team. */
export function useSaveTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, team }: { slug: string; team: TeamUpdate }) =>
      sendJson('PUT', `/api/teams/${encodeURIComponent(slug)}`, team, teamsResponseSchema),
    onSuccess: async (answer) => {
      client.setQueryData(teamsQueryOptions.queryKey, answer);
      // Team scope changed: every figure by team is recomputed by the api.
      await client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'teams' });
    },
  });
}
